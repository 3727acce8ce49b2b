import type { TextEdit } from '../findings/finding';
import { lineIndentAt, startsLine } from './indentation';
import type { TemplateDialect } from './templateDialect';
import type { TemplateModel, TemplateNode, TemplateStaticValue } from './templateModel';
import { propertyOf } from './templateQueries';

/** Key and value as the dialect writes a property. */
function propertyText(dialect: TemplateDialect, key: string, value: TemplateStaticValue, indent: string, unit: string): string {
  return dialect.propertyText(key, renderValue(dialect, value, indent, unit));
}

/** Members one per line, each indented, separated as the dialect separates them. */
function memberLines(dialect: TemplateDialect, members: readonly string[], inner: string): string {
  return members.map((member) => `${inner}${member}`).join(`${dialect.memberSeparator}\n`);
}

/**
 * A value written in the dialect. Objects (and arrays, where the dialect writes them one item per line)
 * span lines, indented one step from `indent` (the indentation of the line they start on).
 */
export function renderValue(dialect: TemplateDialect, value: TemplateStaticValue, indent: string, unit: string): string {
  if (typeof value === 'string') return dialect.stringLiteral(value);
  if (value === null || typeof value !== 'object') return String(value);
  const inner = indent + unit;
  if (Array.isArray(value)) {
    const items = value as readonly TemplateStaticValue[];
    if (items.length === 0) return '[]';
    const rendered = items.map((item) => renderValue(dialect, item, inner, unit));
    if (dialect.inlineArrays) return `[${rendered.join(', ')}]`;
    return `[\n${memberLines(dialect, rendered, inner)}\n${indent}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: TemplateStaticValue });
  if (entries.length === 0) return '{}';
  return `{\n${memberLines(
    dialect,
    entries.map(([key, member]) => propertyText(dialect, key, member, inner, unit)),
    inner,
  )}\n${indent}}`;
}

/** Replaces a written value with another. */
export function replaceValueEdit(model: TemplateModel, node: TemplateNode, value: TemplateStaticValue): TextEdit {
  if (node.writer !== undefined) return node.writer.replace(value);
  return { span: node.span, newText: renderValue(model.dialect, value, lineIndentAt(model.text, node.span.start), model.indentUnit) };
}

/** Adds properties to a literal object, after its last property, in the object's own layout; undefined when the object is not a plain literal. */
export function insertPropertiesEdit(
  model: TemplateModel,
  object: TemplateNode,
  entries: readonly (readonly [string, TemplateStaticValue])[],
): TextEdit | undefined {
  if (object.shape !== 'object' || entries.length === 0) return undefined;
  if (object.writer !== undefined) return object.writer.insert(entries);
  const { text, dialect, indentUnit } = model;
  const last = object.properties[object.properties.length - 1];
  if (last === undefined) {
    const inside = text.slice(object.span.start + 1, object.span.end - 1);
    if (text[object.span.start] !== '{' || text[object.span.end - 1] !== '}' || inside.trim() !== '') return undefined;
    const indent = lineIndentAt(text, object.span.start);
    const inner = indent + indentUnit;
    const body = memberLines(
      dialect,
      entries.map(([key, value]) => propertyText(dialect, key, value, inner, indentUnit)),
      inner,
    );
    return { span: object.span, newText: `{\n${body}\n${indent}}` };
  }
  if (!startsLine(text, last.span.start)) {
    // A one-line object stays on one line.
    const body = entries.map(([key, value]) => propertyText(dialect, key, value, '', indentUnit).replace(/\n\s*/g, ' ')).join(', ');
    return { span: { start: last.span.end, end: last.span.end }, newText: `, ${body}` };
  }
  const indent = lineIndentAt(text, last.span.start);
  const lines = entries.map(([key, value]) => `${indent}${propertyText(dialect, key, value, indent, indentUnit)}`);
  if (dialect.memberSeparator === '') return { span: { start: last.span.end, end: last.span.end }, newText: `\n${lines.join('\n')}` };
  // A trailing separator after the last property (allowed in JSONC) is kept, and the new ones follow it.
  const trailingComma = /^\s*,/.exec(text.slice(last.span.end, last.span.end + 200));
  const at = trailingComma ? last.span.end + trailingComma[0].length : last.span.end;
  return { span: { start: at, end: at }, newText: `${trailingComma ? '' : dialect.memberSeparator}\n${lines.join(`${dialect.memberSeparator}\n`)}` };
}

/**
 * Sets properties in the object at `path` below `root`, creating the missing objects on the way
 * (e.g. `properties.customProperties`). Undefined when part of the way is not a literal object.
 */
export function ensurePropertiesEdit(
  model: TemplateModel,
  root: TemplateNode,
  path: readonly string[],
  entries: readonly (readonly [string, TemplateStaticValue])[],
): TextEdit | undefined {
  let current = root;
  for (let step = 0; step < path.length; step++) {
    const property = propertyOf(current, path[step]);
    if (property === undefined) {
      let value: TemplateStaticValue = Object.fromEntries(entries);
      for (let rest = path.length - 1; rest > step; rest--) value = { [path[rest]]: value };
      return insertPropertiesEdit(model, current, [[path[step], value]]);
    }
    if (property.value.shape !== 'object') return undefined;
    current = property.value;
  }
  return insertPropertiesEdit(model, current, entries);
}
