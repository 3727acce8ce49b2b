import { findAttribute } from '../catalog/catalog';
import type { NamedValueReference, XmlDocument } from '../policy/syntaxTree';
import { namedValueAt } from './namedValueAt';
import { allElements } from '../policy/treeQueries';
import { containsOffset, type Span } from '../text/span';
import { resolveElement } from './elementResolution';
import { expressionAt } from './expressionAtOffset';
import { expressionHover } from './expressionHover';
import type { LanguageEnvironment } from './languageEnvironment';
import { namedValueDescription } from './namedValueCompletions';
import { attributeMarkdown, childElementMarkdown, policyMarkdown } from './policyMarkdown';
import { findNamedValue } from './workspaceReferences';

export interface PolicyHover {
  readonly span: Span;
  readonly markdown: string;
}

function namedValueHover(reference: NamedValueReference, environment: LanguageEnvironment): PolicyHover | undefined {
  const value = findNamedValue(environment.references, reference.name);
  if (!value) return undefined;
  const description = namedValueDescription(value);
  const lines = [
    `**{{${reference.name}}}** named value`,
    '',
    description === 'named value' ? 'Value not in the workspace.' : `Value: \`${description.replace(/`/g, "'")}\``,
  ];
  if (value.displayName !== undefined && value.displayName !== value.name) lines.push('', `Name: \`${value.name}\``);
  return { span: reference.span, markdown: lines.join('\n') };
}

/** What a `fragment-id` or `backend-id` value refers to, from the workspace's artifacts. */
function artifactHover(elementName: string, attributeName: string, id: string, environment: LanguageEnvironment): string | undefined {
  if (elementName === 'include-fragment' && attributeName === 'fragment-id') {
    const fragment = environment.references.fragments.find((candidate) => candidate.id === id);
    return (
      fragment && [`**${id}** policy fragment`, '', fragment.path ? `Defined in \`${fragment.path}\`` : 'Its policy file is not in the workspace.'].join('\n')
    );
  }
  if (attributeName === 'backend-id') {
    const backend = environment.references.backends.find((candidate) => candidate.id === id);
    if (!backend) return undefined;
    const details = [backend.type ? `Type: ${backend.type}` : undefined, backend.url ? `URL: \`${backend.url.replace(/`/g, "'")}\`` : undefined].filter(
      (line) => line !== undefined,
    );
    return [`**${id}** backend`, '', ...details, '', `Defined in \`${backend.path}\``].join('\n');
  }
  return undefined;
}

/** Hover for element names (start or end tag), attribute names, `{{named values}}`, fragment ids and backend ids. */
export function policyHover(document: XmlDocument, offset: number, environment: LanguageEnvironment): PolicyHover | undefined {
  const expression = expressionAt(document, offset);
  if (expression && !namedValueAtOffset(document, offset)) return expressionHover(expression, offset);
  for (const element of allElements(document)) {
    if (!containsOffset(element.span, offset)) continue;
    const onName = containsOffset(element.nameSpan, offset)
      ? element.nameSpan
      : element.endTag && containsOffset(element.endTag.nameSpan, offset)
        ? element.endTag.nameSpan
        : undefined;
    if (onName) {
      const resolved = resolveElement(element);
      if (resolved.definition) return { span: onName, markdown: policyMarkdown(resolved.definition) };
      if (resolved.child) return { span: onName, markdown: childElementMarkdown(resolved.child, resolved.owner) };
      return undefined;
    }
    for (const attribute of element.attributes) {
      if (containsOffset(attribute.nameSpan, offset)) {
        const resolved = resolveElement(element);
        const definition = resolved.shape && findAttribute(resolved.shape, attribute.name);
        return definition ? { span: attribute.nameSpan, markdown: attributeMarkdown(definition, element.name, resolved.owner) } : undefined;
      }
      const onValue = attribute.valueSpan !== undefined && containsOffset(attribute.valueSpan, offset);
      const reference = onValue ? namedValueAt(attribute.embedded, offset) : undefined;
      if (reference) return namedValueHover(reference, environment);
      const artifact = onValue && attribute.valueSpan ? artifactHover(element.name, attribute.name, attribute.value ?? '', environment) : undefined;
      if (artifact && attribute.valueSpan) return { span: attribute.valueSpan, markdown: artifact };
    }
    for (const child of element.children) {
      const reference = child.kind === 'text' && containsOffset(child.span, offset) ? namedValueAt(child.embedded, offset) : undefined;
      if (reference) return namedValueHover(reference, environment);
    }
  }
  return undefined;
}

/** A `{{named value}}` under the offset (inside an expression it keeps its own hover). */
function namedValueAtOffset(document: XmlDocument, offset: number): boolean {
  for (const element of allElements(document)) {
    if (!containsOffset(element.span, offset)) continue;
    for (const item of element.attributes) if (namedValueAt(item.embedded, offset)) return true;
    for (const child of element.children) if (child.kind === 'text' && namedValueAt(child.embedded, offset)) return true;
  }
  return false;
}
