import { basename, dirname, join } from 'node:path';
import type { TemplateValue } from '../templateModel';
import { UNKNOWN_VALUE, knownValue, type TemplateStaticValue } from '../templateModel';
import { parseJsonTree, type SuppliedParameters } from './armTemplate';

/** Parameter files that conventionally sit next to a template: `x.json` -> `x.parameters.json`, `x.template.json` -> `x.parameters.json`. */
export function parameterFileCandidates(templatePath: string): string[] {
  const folder = dirname(templatePath);
  const name = basename(templatePath);
  const stem = name.replace(/\.jsonc?$/i, '');
  const candidates = [`${stem}.parameters.json`];
  if (/\.template$/i.test(stem)) candidates.push(`${stem.replace(/\.template$/i, '')}.parameters.json`);
  return candidates.map((candidate) => join(folder, candidate));
}

/**
 * The values a deployment parameters file supplies. A Key Vault `reference` (or any entry without a
 * literal `value`) is supplied but unknown, so the template's default is not used in its place.
 */
export function readParameterFile(text: string): SuppliedParameters {
  const tree = parseJsonTree(text);
  const supplied = new Map<string, TemplateValue>();
  const parameters = tree?.type === 'object' ? tree.children?.find((property) => property.children?.[0]?.value === 'parameters')?.children?.[1] : undefined;
  if (parameters?.type !== 'object') return supplied;
  for (const property of parameters.children ?? []) {
    const [keyNode, entry] = property.children ?? [];
    if (typeof keyNode?.value !== 'string') continue;
    const valueNode = entry?.type === 'object' ? entry.children?.find((member) => member.children?.[0]?.value === 'value')?.children?.[1] : undefined;
    // jsonc-parser's getNodeValue would do this too; the tree is already here and small.
    supplied.set(keyNode.value, valueNode === undefined ? UNKNOWN_VALUE : knownValue(plainValue(valueNode, 0)));
  }
  return supplied;
}

type JsonNode = NonNullable<ReturnType<typeof parseJsonTree>>;

function plainValue(node: JsonNode, depth: number): TemplateStaticValue {
  if (depth > 64) return null;
  if (node.type === 'object') {
    const value: { [key: string]: TemplateStaticValue } = {};
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (typeof keyNode?.value === 'string' && valueNode !== undefined) value[keyNode.value] = plainValue(valueNode, depth + 1);
    }
    return value;
  }
  if (node.type === 'array') return (node.children ?? []).map((child) => plainValue(child, depth + 1));
  return node.type === 'null' ? null : (node.value as string | number | boolean);
}
