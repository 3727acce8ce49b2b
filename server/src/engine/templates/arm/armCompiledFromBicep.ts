import { parseJsonTree } from './armTemplate';

type JsonNode = NonNullable<ReturnType<typeof parseJsonTree>>;

function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  return node.children?.find((property) => property.children?.[0]?.value === key)?.children?.[1];
}

/** True when `metadata._generator.name` is `bicep`: the template was compiled from a Bicep file. */
export function isCompiledFromBicep(text: string): boolean {
  // The generator stamp sits near the top; skip the full parse for every other template.
  if (!/"_generator"/.test(text)) return false;
  const name = member(member(member(parseJsonTree(text), 'metadata'), '_generator'), 'name');
  return name?.type === 'string' && typeof name.value === 'string' && name.value.toLowerCase() === 'bicep';
}
