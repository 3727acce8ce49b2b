import { BICEP_DIALECT } from './bicep/bicepDialect';
import type { BicepScope } from './bicep/bicepEvaluation';
import { createBicepScope, evaluateBicepValue } from './bicep/bicepEvaluation';
import { parseBicep } from './bicep/bicepParser';
import { collectBicepResources, type BicepResource } from './bicep/bicepResources';
import type { BicepExpression, BicepFile } from './bicep/bicepSyntax';
import type { TemplateModel, TemplateNode, TemplateProperty, TemplateResource, TemplateValue } from './templateModel';
import { UNKNOWN_VALUE, lazyTemplateNode } from './templateModel';
import { detectIndentUnit } from './indentation';

class BicepNodeBuilder {
  constructor(
    private readonly file: BicepFile,
    private readonly scope: BicepScope,
  ) {}

  /** The tree is depth-limited by the parser, so this recursion is bounded. */
  node(expression: BicepExpression | undefined, fallbackSpan: TemplateNode['span']): TemplateNode {
    const span = expression?.span ?? fallbackSpan;
    const evaluate = (): TemplateValue => evaluateBicepValue(expression, this.scope);
    if (expression?.kind === 'object') {
      const properties: TemplateProperty[] = [];
      for (const member of expression.members) {
        if (member.kind !== 'property' || member.key === undefined) continue;
        properties.push({ key: member.key, keySpan: member.keySpan, span: member.span, value: this.node(member.value, { start: member.span.end, end: member.span.end }) });
      }
      const hasSpreadMembers = expression.members.some((member) => member.kind === 'spread');
      return lazyTemplateNode('object', span, properties, [], undefined, evaluate, hasSpreadMembers);
    }
    if (expression?.kind === 'array') {
      const items = expression.items.filter((item): item is BicepExpression => item.kind !== 'spread').map((item) => this.node(item, item.span));
      return lazyTemplateNode('array', span, [], items, undefined, evaluate);
    }
    if (expression?.kind === 'string' && expression.value !== undefined) return lazyTemplateNode('scalar', span, [], [], expression.segments[0], evaluate);
    if (expression?.kind === 'number' || expression?.kind === 'boolean' || expression?.kind === 'null') return lazyTemplateNode('scalar', span, [], [], undefined, evaluate);
    return lazyTemplateNode('computed', span, [], [], this.variableLiteral(expression), evaluate);
  }

  /** A reference to a `var` whose value is a plain string: its text (so an embedded policy maps into the var). */
  private variableLiteral(expression: BicepExpression | undefined): TemplateNode['literalText'] {
    if (expression?.kind !== 'reference' || this.scope.locals.has(expression.name)) return undefined;
    const declaration = this.file.declarations.find((candidate) => candidate.kind === 'var' && candidate.name?.name === expression.name);
    const value = declaration?.kind === 'var' ? declaration.value : undefined;
    return value?.kind === 'string' && value.value !== undefined ? value.segments[0] : undefined;
  }
}


function nameSegmentsOf(resource: BicepResource, scope: BicepScope, parent: TemplateResource | undefined): (string | undefined)[] {
  const value = resource.nameExpression === undefined ? UNKNOWN_VALUE : evaluateBicepValue(resource.nameExpression, scope);
  const own = value.known && typeof value.value === 'string' ? value.value.split('/') : [undefined];
  return parent === undefined ? own : [...parent.nameSegments, ...own];
}

/** Parses a Bicep file into the shared template model. Never throws. */
export function readBicepTemplate(text: string): TemplateModel {
  const { file, findings } = parseBicep(text);
  const scope = createBicepScope(file);
  const builder = new BicepNodeBuilder(file, scope);
  const converted = new Map<BicepResource, TemplateResource>();
  const resources: TemplateResource[] = [];
  const convert = (resource: BicepResource, hops: number): TemplateResource => {
    const done = converted.get(resource);
    if (done !== undefined) return done;
    // Parent chains are finite in valid input; the hop limit keeps a cycle in bad input finite too.
    const parent = resource.parent !== undefined && hops < 64 ? convert(resource.parent, hops + 1) : undefined;
    const declaration = resource.declaration;
    const fallback = { start: declaration.span.end, end: declaration.span.end };
    const templateResource: TemplateResource = {
      type: resource.type,
      apiVersion: resource.apiVersion,
      nameSegments: nameSegmentsOf(resource, scope, parent),
      body: builder.node(resource.body, fallback),
      anchor: declaration.typeString?.span ?? declaration.name?.span ?? declaration.keywordSpan,
      apiVersionSpan: declaration.typeString?.span,
      parent,
      existing: resource.existing,
    };
    converted.set(resource, templateResource);
    return templateResource;
  };
  for (const resource of collectBicepResources(file)) resources.push(convert(resource, 0));
  return { dialect: BICEP_DIALECT, text, resources, syntaxFindings: findings, indentUnit: detectIndentUnit(text) };
}
