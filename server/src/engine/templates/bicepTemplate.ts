import { BICEP_DIALECT } from './bicep/bicepDialect';
import type { BicepScope, BicepStaticValue } from './bicep/bicepEvaluation';
import { bicepScopeWithBindings, createBicepScope, evaluateBicepValue } from './bicep/bicepEvaluation';
import { bicepFileReference } from './bicep/bicepFileReferences';
import { findBicepProperty } from './bicep/bicepObjectAccess';
import { parseBicep } from './bicep/bicepParser';
import { collectBicepResources, type BicepResource } from './bicep/bicepResources';
import type { BicepDecorator, BicepExpression, BicepFile, BicepFor, BicepModuleDeclaration, BicepType } from './bicep/bicepSyntax';
import type {
  SuppliedParameters,
  TemplateLoop,
  TemplateModel,
  TemplateModuleCall,
  TemplateNode,
  TemplateOutput,
  TemplateParameter,
  TemplateProperty,
  TemplateResource,
  TemplateValue,
} from './templateModel';
import { UNKNOWN_VALUE, lazyTemplateNode } from './templateModel';
import { detectIndentUnit } from './indentation';

/** Builds template nodes; `var` look-ups go through the scope's map (a scan of the declarations per reference was quadratic). */
class BicepNodeBuilder {
  constructor(private readonly scope: BicepScope) {}

  /** The tree is depth-limited by the parser, so this recursion is bounded. */
  node(expression: BicepExpression | undefined, fallbackSpan: TemplateNode['span']): TemplateNode {
    const span = expression?.span ?? fallbackSpan;
    const evaluate = (): TemplateValue => evaluateBicepValue(expression, this.scope);
    if (expression?.kind === 'object') {
      const properties: TemplateProperty[] = [];
      for (const member of expression.members) {
        if (member.kind !== 'property' || member.key === undefined) continue;
        properties.push({
          key: member.key,
          keySpan: member.keySpan,
          span: member.span,
          value: this.node(member.value, { start: member.span.end, end: member.span.end }),
        });
      }
      const hasSpreadMembers = expression.members.some((member) => member.kind === 'spread');
      return lazyTemplateNode('object', span, properties, [], undefined, evaluate, hasSpreadMembers);
    }
    if (expression?.kind === 'array') {
      const items = expression.items.filter((item): item is BicepExpression => item.kind !== 'spread').map((item) => this.node(item, item.span));
      return lazyTemplateNode('array', span, [], items, undefined, evaluate);
    }
    if (expression?.kind === 'string' && expression.value !== undefined) return lazyTemplateNode('scalar', span, [], [], expression.segments[0], evaluate);
    if (expression?.kind === 'number' || expression?.kind === 'boolean' || expression?.kind === 'null')
      return lazyTemplateNode('scalar', span, [], [], undefined, evaluate);
    const computed = lazyTemplateNode('computed', span, [], [], this.variableLiteral(expression), evaluate);
    const loadedFile = this.loadedFile(expression);
    const withFile = loadedFile === undefined ? computed : { ...computed, loadedFile };
    return this.isSuppliedParameter(expression) ? { ...withFile, supplied: true } : withFile;
  }

  /** The path `loadTextContent('x')` reads, written directly or as the value of a `var`. */
  private loadedFile(expression: BicepExpression | undefined): string | undefined {
    let current = expression;
    if (current?.kind === 'reference' && !this.scope.locals.has(current.name)) {
      current = this.scope.variables.get(current.name);
    }
    const reference = bicepFileReference(current, this.scope);
    return reference?.functionName === 'loadTextContent' ? reference.path : undefined;
  }

  /** A bare reference to a parameter whose known value a parameters file supplies. */
  private isSuppliedParameter(expression: BicepExpression | undefined): boolean {
    if (expression?.kind !== 'reference' || this.scope.locals.has(expression.name)) return false;
    return this.scope.parameters.get(expression.name)?.supplied?.known === true;
  }

  /** A reference to a `var` whose value is a plain string: its text (so an embedded policy maps into the var). */
  private variableLiteral(expression: BicepExpression | undefined): TemplateNode['literalText'] {
    if (expression?.kind !== 'reference' || this.scope.locals.has(expression.name)) return undefined;
    const value = this.scope.variables.get(expression.name);
    return value?.kind === 'string' && value.value !== undefined ? value.segments[0] : undefined;
  }
}

function nameSegmentsOf(resource: BicepResource, scope: BicepScope, parent: TemplateResource | undefined): (string | undefined)[] {
  const value = resource.nameExpression === undefined ? UNKNOWN_VALUE : evaluateBicepValue(resource.nameExpression, scope);
  const own = value.known && typeof value.value === 'string' ? value.value.split('/') : [undefined];
  return parent === undefined ? own : [...parent.nameSegments, ...own];
}

/** Loops unrolled up to this many items; a longer collection counts as unknown. */
const MAX_LOOP_COPIES = 5000;

/** The bindings of each iteration of a loop over a known collection; undefined when the collection is not known. */
function loopIterations(loop: BicepFor, scope: BicepScope): ReadonlyMap<string, BicepStaticValue>[] | undefined {
  const collection = evaluateBicepValue(loop.iterable, scope);
  if (!collection.known || !Array.isArray(collection.value) || collection.value.length > MAX_LOOP_COPIES) return undefined;
  return (collection.value as readonly BicepStaticValue[]).map((item, index) => {
    const bindings = new Map<string, BicepStaticValue>();
    if (loop.item !== undefined) bindings.set(loop.item.name, item);
    if (loop.index !== undefined) bindings.set(loop.index.name, index);
    return bindings;
  });
}

function ownSegments(expression: BicepExpression | undefined, scope: BicepScope): (string | undefined)[] {
  const value = expression === undefined ? UNKNOWN_VALUE : evaluateBicepValue(expression, scope);
  return value.known && typeof value.value === 'string' ? value.value.split('/') : [undefined];
}

/**
 * The copies of a looped resource. A parent written `parent: items[i]` (a looped parent indexed by a
 * known number) gives each copy its parent's copy; another looped parent leaves the parent's segments unknown.
 */
function bicepLoop(resource: BicepResource, loop: BicepFor, scope: BicepScope, parent: TemplateResource | undefined): TemplateLoop {
  let memo: { copies: (string | undefined)[][] | undefined } | undefined;
  return {
    copies: () => {
      memo ??= {
        copies: loopIterations(loop, scope)?.map((bindings) => {
          const iteration = bicepScopeWithBindings(scope, bindings);
          return [...parentSegments(resource, parent, iteration), ...ownSegments(resource.nameExpression, iteration)];
        }),
      };
      return memo.copies;
    },
  };
}

function parentSegments(resource: BicepResource, parent: TemplateResource | undefined, iteration: BicepScope): readonly (string | undefined)[] {
  if (parent === undefined) return [];
  if (parent.loop === undefined) return parent.nameSegments;
  const written = resource.body === undefined ? undefined : findBicepProperty(resource.body, 'parent')?.value;
  const index = written?.kind === 'index-access' ? evaluateBicepValue(written.index, iteration) : UNKNOWN_VALUE;
  const copy = index.known && typeof index.value === 'number' ? parent.loop.copies()?.[index.value] : undefined;
  return copy ?? parent.nameSegments.map(() => undefined);
}

/** The parameters a module is deployed with, evaluated once per known loop item. */
function moduleCall(declaration: BicepModuleDeclaration, scope: BicepScope): TemplateModuleCall {
  let value = declaration.value;
  const loop = value?.kind === 'for' ? value : undefined;
  if (loop !== undefined) value = loop.body;
  if (value?.kind === 'if') value = value.body;
  const body = value?.kind === 'object' ? value : undefined;
  const params = body === undefined ? undefined : findBicepProperty(body, 'params')?.value;
  const iterations = loop === undefined ? [new Map<string, BicepStaticValue>()] : (loopIterations(loop, scope) ?? [new Map<string, BicepStaticValue>()]);
  const locals = loop === undefined ? [] : [loop.item?.name, loop.index?.name].filter((name): name is string => name !== undefined);
  const deployments = iterations.map((bindings) => {
    const iteration = bindings.size > 0 ? bicepScopeWithBindings(scope, bindings) : { ...scope, locals: new Set([...scope.locals, ...locals]) };
    const parameters = new Map<string, TemplateValue>();
    if (params?.kind === 'object') {
      for (const member of params.members) {
        if (member.kind === 'property' && member.key !== undefined) parameters.set(member.key, evaluateBicepValue(member.value, iteration));
      }
    }
    return parameters;
  });
  const path = declaration.path?.value;
  // `br:` / `ts:` references name a registry, not a file here.
  return { path: path === undefined || /^(br|ts)[:/]/i.test(path) ? undefined : path, deployments, anchor: declaration.path?.span ?? declaration.keywordSpan };
}

/** `@secure()` or `@sys.secure()`. */
function isSecure(decorators: readonly BicepDecorator[]): boolean {
  return decorators.some(
    ({ expression }) => (expression.kind === 'call' ? expression.name.name : expression.kind === 'reference' ? expression.name : undefined) === 'secure',
  );
}

function typeName(type: BicepType | undefined): string | undefined {
  return type?.kind === 'type-reference' ? type.name : undefined;
}

function readParameters(file: BicepFile): TemplateParameter[] {
  const parameters: TemplateParameter[] = [];
  for (const declaration of file.declarations) {
    if (declaration.kind !== 'param' || declaration.name === undefined) continue;
    parameters.push({
      name: declaration.name.name,
      nameSpan: declaration.name.span,
      secure: isSecure(declaration.decorators),
      hasDefault: declaration.defaultValue !== undefined,
    });
  }
  return parameters;
}

function readOutputs(file: BicepFile, builder: BicepNodeBuilder): TemplateOutput[] {
  const outputs: TemplateOutput[] = [];
  for (const declaration of file.declarations) {
    if (declaration.kind !== 'output' || declaration.name === undefined) continue;
    outputs.push({
      name: declaration.name.name,
      nameSpan: declaration.name.span,
      secure: isSecure(declaration.decorators),
      typeName: typeName(declaration.type),
      typeSpan: declaration.type?.span,
      declarationStart: declaration.decorators[0]?.span.start ?? declaration.keywordSpan.start,
      value: declaration.value === undefined ? undefined : builder.node(declaration.value, declaration.value.span),
    });
  }
  return outputs;
}

/** Parses a Bicep file into the shared template model, with values a parameters file supplies. Never throws. */
export function readBicepTemplate(text: string, supplied: SuppliedParameters = new Map()): TemplateModel {
  const { file, findings } = parseBicep(text);
  const scope = createBicepScope(file, supplied);
  const builder = new BicepNodeBuilder(scope);
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
      ...(resource.loop === undefined ? {} : { loop: bicepLoop(resource, resource.loop, scope, parent) }),
    };
    converted.set(resource, templateResource);
    return templateResource;
  };
  for (const resource of collectBicepResources(file)) resources.push(convert(resource, 0));
  const modules = file.declarations
    .filter((declaration): declaration is BicepModuleDeclaration => declaration.kind === 'module')
    .map((declaration) => moduleCall(declaration, scope));
  return {
    dialect: BICEP_DIALECT,
    text,
    resources,
    parameters: readParameters(file),
    outputs: readOutputs(file, builder),
    syntaxFindings: findings,
    indentUnit: detectIndentUnit(text),
    modules,
  };
}
