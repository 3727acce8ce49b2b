import type { AttributeDefinition, ChildElementDefinition, PolicyDefinition } from '../catalog/policyDefinition';

/** Markdown descriptions of catalog entries, shared by hover and the completion details pane. */

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

export function policyMarkdown(definition: PolicyDefinition): string {
  const lines = [
    `**${definition.name}**${definition.kind === 'policy' ? ` (${definition.category})` : ''}${definition.preview ? ' · preview' : ''}`,
    '',
    definition.summary[0],
    definition.summary[1],
    '',
  ];
  const placement: string[] = [];
  if (definition.sections.length > 0) placement.push(`Sections: ${definition.sections.join(', ')}`);
  if (definition.context) placement.push(`Used in: ${definition.context}`);
  if (definition.kind === 'policy') placement.push(`Scopes: ${definition.scopes.join(', ')}`);
  if (definition.kind === 'policy' && definition.gateways.length < 5) placement.push(`Gateways: ${definition.gateways.join(', ')}`);
  if (placement.length > 0) lines.push(placement.join(' · '), '');
  lines.push(`[Documentation](${definition.docUrl})`);
  return lines.join('\n');
}

export function childElementMarkdown(child: ChildElementDefinition, owner: PolicyDefinition | undefined): string {
  const traits = [child.required ? 'required' : 'optional', child.multiple ? 'repeatable' : 'at most once'];
  const lines = [`**${child.name}**${owner ? ` in ${code(owner.name)}` : ''}`, '', `Child element: ${traits.join(', ')}.`];
  const required = child.attributes.filter((attribute) => attribute.required).map((attribute) => code(attribute.name));
  if (required.length > 0) lines.push(`Required attributes: ${required.join(', ')}.`);
  if (owner) lines.push('', `[Documentation](${owner.docUrl}#elements)`);
  return lines.join('\n');
}

export function attributeMarkdown(attribute: AttributeDefinition, elementName: string, owner: PolicyDefinition | undefined): string {
  const lines = [`**${attribute.name}** attribute of ${code(elementName)}`, ''];
  const traits = [attribute.required ? 'Required' : 'Optional', attribute.kind, attribute.expressions ? 'expressions allowed' : 'no expressions'];
  lines.push(traits.join(' · '));
  if (attribute.values && attribute.values.length > 0) lines.push('', `Allowed values: ${attribute.values.map(code).join(', ')}`);
  if (attribute.default !== undefined) lines.push('', `Default: ${code(attribute.default)}`);
  if (owner) lines.push('', `[Documentation](${owner.docUrl}#attributes)`);
  return lines.join('\n');
}
