import type { Fix } from '../findings/finding';
import type { XmlAttribute, XmlElement } from '../policy/syntaxTree';

/** Renames an element in its start and end tags; preferred only when it is the single suggestion. */
export function renameElementFixes(element: XmlElement, suggestions: readonly string[]): Fix[] {
  return suggestions.map((name) => ({
    title: `Change to <${name}>`,
    edits: [{ span: element.nameSpan, newText: name }, ...(element.endTag ? [{ span: element.endTag.nameSpan, newText: name }] : [])],
    isPreferred: suggestions.length === 1,
  }));
}

export function renameAttributeFixes(attribute: XmlAttribute, suggestions: readonly string[]): Fix[] {
  return suggestions.map((name) => ({
    title: `Change to '${name}'`,
    edits: [{ span: attribute.nameSpan, newText: name }],
    isPreferred: suggestions.length === 1,
  }));
}

export function replaceValueFixes(attribute: XmlAttribute, suggestions: readonly string[]): Fix[] {
  const valueSpan = attribute.valueSpan;
  if (!valueSpan) return [];
  return suggestions.map((value) => ({
    title: `Change to "${value}"`,
    edits: [{ span: valueSpan, newText: value }],
    isPreferred: suggestions.length === 1,
  }));
}
