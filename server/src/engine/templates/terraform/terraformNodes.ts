import type { TextEdit } from '../../findings/finding';
import type { Span } from '../../text/span';
import { DecodedTextBuilder, type DecodedText } from '../bicep/bicepStringValue';
import { lineIndentAt } from '../indentation';
import { renderValue } from '../templateEdits';
import { TERRAFORM_DIALECT } from './terraformDialect';
import {
  arrayValue,
  knownValue,
  objectValue,
  type NodeWriter,
  type TemplateNode,
  type TemplateProperty,
  type TemplateStaticValue,
  type TemplateValue,
} from '../templateModel';
import type { HclEvaluator } from './hclEvaluation';
import type { HclAttribute, HclBlock, HclBody, HclExpression, HclTemplate } from './hclSyntax';
import type { TerraformFile, TerraformModule } from './terraformModule';

/** How an ARM value is written back into an HCL attribute of a known type. */
export type HclType = 'bool' | 'string' | 'number' | 'any';

function coerce(value: TemplateStaticValue, type: HclType): TemplateStaticValue {
  if (type === 'bool' && typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return value;
}

/**
 * Builds template nodes over the HCL of one document: literal HCL objects and lists keep their shape,
 * other expressions are computed (evaluated on demand), and nodes that stand for Terraform attributes or
 * blocks read as ARM properties carry writers so quick fixes are written in HCL.
 */
export class TerraformNodes {
  constructor(
    readonly document: TerraformFile,
    readonly module: TerraformModule,
    readonly evaluator: HclEvaluator,
    readonly indentUnit: string,
  ) {}

  private get text(): string {
    return this.document.text;
  }

  attribute(body: HclBody, name: string): HclAttribute | undefined {
    for (const item of body.items) if (item.kind === 'attribute' && item.name.name === name) return item;
    return undefined;
  }

  blocks(body: HclBody, type: string): HclBlock[] {
    return body.items.filter((item): item is HclBlock => item.kind === 'block' && item.type.name === type);
  }

  /** A node for an HCL expression, its shape kept when it is a literal object, list or string. */
  expression(expression: HclExpression | undefined, fallback: Span, type: HclType = 'any'): TemplateNode {
    const span = expression?.span ?? fallback;
    const writer = this.replaceWriter(span, type);
    const value = (): TemplateValue => this.evaluator.evaluate(expression);
    if (expression?.kind === 'call' && expression.name.name === 'jsonencode' && expression.args.length === 1)
      return this.expression(expression.args[0], span, type);
    if (expression?.kind === 'object') {
      const properties: TemplateProperty[] = [];
      for (const item of expression.items) {
        if (item.keyName === undefined) continue;
        properties.push({
          key: item.keyName,
          keySpan: item.key.span,
          span: item.span,
          value: this.expression(item.value, { start: item.span.end, end: item.span.end }),
        });
      }
      return node('object', span, properties, [], undefined, value, undefined);
    }
    if (expression?.kind === 'tuple')
      return node(
        'array',
        span,
        [],
        expression.items.map((item) => this.expression(item, item.span)),
        undefined,
        value,
        writer,
      );
    if (expression?.kind === 'template' && expression.literal !== undefined) return node('scalar', span, [], [], expression.literal, value, writer);
    if (expression?.kind === 'literal') return node('scalar', span, [], [], undefined, value, writer);
    return node('computed', span, [], [], undefined, value, writer);
  }

  /** The node of an attribute's value, typed for writing, as a property under `key`. */
  property(key: string, attribute: HclAttribute | undefined, type: HclType = 'any'): TemplateProperty | undefined {
    if (attribute === undefined) return undefined;
    return { key, keySpan: attribute.name.span, span: attribute.span, value: this.expression(attribute.expression, attribute.span, type) };
  }

  /** A property whose value is derived from an attribute (`sku_name` -> `sku.name`), with its own writer. */
  derived(
    key: string,
    attribute: HclAttribute,
    derive: (value: TemplateValue) => TemplateValue,
    write: (value: TemplateStaticValue) => string,
  ): TemplateProperty {
    const span = attribute.expression?.span ?? attribute.span;
    const writer: NodeWriter = { replace: (value) => ({ span, newText: write(value) }), insert: () => undefined };
    const literal = attribute.expression?.kind === 'literal' || (attribute.expression?.kind === 'template' && attribute.expression.literal !== undefined);
    const value = node(literal ? 'scalar' : 'computed', span, [], [], undefined, () => derive(this.evaluator.evaluate(attribute.expression)), writer);
    return { key, keySpan: attribute.name.span, span: attribute.span, value };
  }

  /** A value the provider sends when the attribute is absent; fixes add the attribute to `block`. */
  defaulted(key: string, value: TemplateStaticValue, block: HclBlock, attributeName: string, type: HclType): TemplateProperty {
    const span = block.labels[0]?.span ?? block.type.span;
    const writer: NodeWriter = {
      replace: (next) => this.insertIntoBlock(block, [`${attributeName} = ${renderValue(TERRAFORM_DIALECT, coerce(next, type), '', this.indentUnit)}`]),
      insert: () => undefined,
    };
    return { key, keySpan: span, span, value: node('scalar', span, [], [], undefined, () => knownValue(value), writer) };
  }

  /** A constant the provider always sends (for example a policy's format). */
  constant(key: string, value: TemplateStaticValue, span: Span): TemplateProperty {
    return { key, keySpan: span, span, value: node('scalar', span, [], [], undefined, () => knownValue(value), undefined) };
  }

  /** An ARM object made of Terraform attributes and blocks. */
  object(key: string, keySpan: Span, span: Span, properties: readonly (TemplateProperty | undefined)[], insert?: NodeWriter['insert']): TemplateProperty {
    const kept = properties.filter((property): property is TemplateProperty => property !== undefined);
    const writer: NodeWriter = {
      replace: (value) => ({ span, newText: renderValue(TERRAFORM_DIALECT, value, lineIndentAt(this.text, span.start), this.indentUnit) }),
      insert: insert ?? (() => undefined),
    };
    return { key, keySpan, span, value: node('object', span, kept, [], undefined, () => objectValue(kept), writer) };
  }

  array(key: string, keySpan: Span, span: Span, items: readonly TemplateNode[]): TemplateProperty {
    return {
      key,
      keySpan,
      span,
      value: node('array', span, [], items, undefined, () => arrayValue(items), {
        replace: () => ({ span, newText: this.text.slice(span.start, span.end) }),
        insert: () => undefined,
      }),
    };
  }

  /** The body of a resource: an object node over its synthesized properties. */
  body(block: HclBlock, properties: readonly (TemplateProperty | undefined)[], insert?: NodeWriter['insert']): TemplateNode {
    return this.object('', block.labels[0]?.span ?? block.type.span, block.span, properties, insert).value;
  }

  private replaceWriter(span: Span, type: HclType): NodeWriter {
    return {
      replace: (value) => ({ span, newText: renderValue(TERRAFORM_DIALECT, coerce(value, type), lineIndentAt(this.text, span.start), this.indentUnit) }),
      insert: () => undefined,
    };
  }

  /** Adds lines (attributes or blocks, already written) at the end of a block's body, in its indentation. */
  insertIntoBlock(block: HclBlock, lines: readonly string[]): TextEdit {
    const last = block.body.items[block.body.items.length - 1];
    const indent = last !== undefined ? lineIndentAt(this.text, last.span.start) : lineIndentAt(this.text, block.span.start) + this.indentUnit;
    const indented = lines.map((line) =>
      line
        .split('\n')
        .map((part) => indent + part)
        .join('\n'),
    );
    if (last !== undefined) return { span: { start: last.span.end, end: last.span.end }, newText: `\n${indented.join('\n')}` };
    const outer = lineIndentAt(this.text, block.span.start);
    return { span: block.bodySpan, newText: `{\n${indented.join('\n')}\n${outer}}` };
  }

  /** A nested block written in HCL (`identity {\n  type = "SystemAssigned"\n}`). */
  blockText(type: string, attributes: readonly (readonly [string, TemplateStaticValue])[]): string {
    const inner = attributes.map(([name, value]) => `${this.indentUnit}${name} = ${renderValue(TERRAFORM_DIALECT, value, this.indentUnit, this.indentUnit)}`);
    return `${type} {\n${inner.join('\n')}\n}`;
  }

  /**
   * The node of a policy's XML: a string or heredoc of this document (directly or through `local.x`), whose
   * text maps back to the source; `${...}` holes read as their known value or as their own source text.
   */
  policyContent(attribute: HclAttribute): TemplateNode {
    const span = attribute.expression?.span ?? attribute.span;
    const value = (): TemplateValue => this.evaluator.evaluate(attribute.expression);
    const template = this.localTemplate(attribute.expression);
    const literal = template === undefined ? undefined : this.policyText(template);
    const writer = this.replaceWriter(span, 'string');
    if (attribute.expression?.kind === 'template' && literal !== undefined)
      return node(template?.literal !== undefined ? 'scalar' : 'computed', span, [], [], literal, value, writer);
    const computed = node('computed', span, [], [], literal, value, writer);
    const loadedFile = loadedPolicyFile(attribute.expression);
    return loadedFile === undefined ? computed : { ...computed, loadedFile };
  }

  /** The template an expression is, or the template a `local.x` of this document holds. */
  private localTemplate(expression: HclExpression | undefined): HclTemplate | undefined {
    if (expression?.kind === 'template') return expression;
    if (expression?.kind === 'get-attribute' && expression.base.kind === 'variable' && expression.base.name === 'local' && expression.name !== undefined) {
      const local = this.module.locals.get(expression.name.name);
      if (local !== undefined && local.file === this.document && local.value.kind === 'template') return local.value;
    }
    return undefined;
  }

  private policyText(template: HclTemplate): DecodedText | undefined {
    if (template.literal !== undefined) return template.literal;
    const builder = new DecodedTextBuilder();
    for (const part of template.parts) {
      if (part.kind === 'directive') return undefined;
      if (part.kind === 'literal') {
        for (const run of part.text.runs) {
          if (run.verbatim) builder.appendVerbatim(this.text, run.sourceStart, run.sourceEnd);
          else builder.appendEscape(part.text.value.slice(run.valueStart, run.valueStart + run.valueLength), run.sourceStart, run.sourceEnd);
        }
        continue;
      }
      const known = this.evaluator.evaluate(part.expression);
      const source = this.text.slice(part.span.start, part.span.end);
      const written = known.known && typeof known.value === 'string' ? known.value : /[<>&"']/.test(source) ? 'x' : source;
      builder.appendEscape(written, part.span.start, part.span.end);
    }
    const built = builder.build(template.contentSpan);
    // Starts at its first character, after the indentation a `<<-` heredoc removed.
    const first = built.runs[0];
    return first === undefined ? built : { ...built, sourceSpan: { start: first.sourceStart, end: built.sourceSpan.end } };
  }
}

/**
 * The file `file("${path.module}/policy.xml")` or `templatefile(...)` reads, relative to the module folder (the
 * document's folder); undefined for any other expression or a path built from variables.
 */
function loadedPolicyFile(expression: HclExpression | undefined): string | undefined {
  if (expression?.kind !== 'call' || (expression.name.name !== 'file' && expression.name.name !== 'templatefile')) return undefined;
  const argument = expression.args[0];
  if (argument?.kind !== 'template') return undefined;
  let path = '';
  for (const [index, part] of argument.parts.entries()) {
    if (part.kind === 'literal') path += part.text.value;
    else if (index === 0 && part.kind === 'interpolation' && isPathModule(part.expression)) path += '.';
    else return undefined;
  }
  return path === '' ? undefined : path;
}

function isPathModule(expression: HclExpression | undefined): boolean {
  return expression?.kind === 'get-attribute' && expression.base.kind === 'variable' && expression.base.name === 'path' && expression.name?.name === 'module';
}

function node(
  shape: TemplateNode['shape'],
  span: Span,
  properties: readonly TemplateProperty[],
  items: readonly TemplateNode[],
  literalText: DecodedText | undefined,
  compute: () => TemplateValue,
  writer: NodeWriter | undefined,
): TemplateNode {
  let memo: TemplateValue | undefined;
  const value = (): TemplateValue => (memo ??= compute());
  return writer === undefined ? { shape, span, properties, items, literalText, value } : { shape, span, properties, items, literalText, value, writer };
}
