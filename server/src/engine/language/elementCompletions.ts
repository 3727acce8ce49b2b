import { findPolicy, policiesAllowedIn, policyStatements, shapeOf } from '../catalog/catalog';
import type { ChildElementDefinition, ElementShape, PolicyDefinition } from '../catalog/policyDefinition';
import { childElements, type XmlElement } from '../policy/syntaxTree';
import type { CursorContext } from './cursorContext';
import { resolveElement } from './elementResolution';
import type { LanguageCompletion } from './languageCompletion';
import type { LanguageEnvironment } from './languageEnvironment';
import { childElementMarkdown, policyMarkdown } from './policyMarkdown';
import { attributePlaceholder } from './snippetText';
import { POLICY_SECTIONS, type PolicySection } from '../policy/policyVocabulary';

type ElementNamePlace = Extract<CursorContext, { kind: 'element-name' }>;

/** A candidate element: its name, its shape (for the snippet) and how to describe it. */
interface Candidate {
  readonly name: string;
  readonly shape: ElementShape;
  readonly detail: string;
  readonly documentation: string;
}

function startTagBody(name: string, shape: ElementShape, nextIndex: { value: number }): string {
  const attributes = shape.attributes.filter((attribute) => attribute.required).map((attribute) => ` ${attributePlaceholder(attribute, nextIndex.value++)}`);
  return name + attributes.join('');
}

/** The element with its required attributes (and required children) as snippet placeholders, after the `<`. */
function elementSnippet(name: string, shape: ElementShape): string {
  const index = { value: 1 };
  const start = startTagBody(name, shape, index);
  if (shape.content === 'empty') return `${start} />`;
  if (shape.content === 'text') return `${start}>\${${index.value}}</${name}>`;
  const requiredChildren = shape.content === 'elements' ? shape.elements.filter((child) => child.required) : [];
  if (requiredChildren.length === 0) return `${start}>\n\t$0\n</${name}>`;
  const lines = requiredChildren.map((child) => {
    const childShape = shapeOf(child);
    const childStart = startTagBody(child.name, childShape, index);
    return childShape.content === 'empty' ? `\t<${childStart} />` : `\t<${childStart}>\${${index.value++}}</${child.name}>`;
  });
  return `${start}>\n${lines.join('\n')}\n</${name}>`;
}

function policyCandidate(definition: PolicyDefinition): Candidate {
  return { name: definition.name, shape: definition, detail: definition.summary[0], documentation: policyMarkdown(definition) };
}

function childCandidate(child: ChildElementDefinition, owner: PolicyDefinition | undefined): Candidate {
  const policy = child.isPolicy ? findPolicy(child.name) : undefined;
  if (policy) return policyCandidate(policy);
  return {
    name: child.name,
    shape: shapeOf(child),
    detail: `${child.required ? 'Required' : 'Optional'} child of ${owner?.name ?? 'this element'}`,
    documentation: childElementMarkdown(child, owner),
  };
}

/** Statements allowed in a section (or, in a fragment, in any section), narrowed by what is known of scope and gateway. */
function statementsFor(section: PolicySection | undefined, environment: LanguageEnvironment): readonly PolicyDefinition[] {
  const scope = environment.scope === 'fragment' ? undefined : environment.scope;
  if (section !== undefined) return policiesAllowedIn(section, scope, environment.gateway);
  const anywhere = new Set(POLICY_SECTIONS.flatMap((candidate) => policiesAllowedIn(candidate, scope, environment.gateway)));
  return policyStatements().filter((definition) => anywhere.has(definition));
}

function candidatesIn(parent: XmlElement | undefined, typing: XmlElement | undefined, environment: LanguageEnvironment): Candidate[] {
  if (!parent) return ['policies', 'fragment'].map((name) => policyCandidate(findPolicy(name) as PolicyDefinition));
  const resolved = resolveElement(parent);
  const shape = resolved.shape;
  if (!shape) return [];
  const siblings = childElements(parent).filter((child) => child !== typing);
  const present = new Set(siblings.map((child) => child.name));
  if (parent.name === 'policies' && parent.parent === undefined) {
    return POLICY_SECTIONS.filter((section) => !present.has(section)).map((section) => policyCandidate(findPolicy(section) as PolicyDefinition));
  }
  if (shape.content === 'policies') {
    const statements = statementsFor(resolved.section, environment);
    const isSection = resolved.definition?.kind === 'structural' && parent.parent?.name === 'policies';
    const base = isSection && !present.has('base') ? [policyCandidate(findPolicy('base') as PolicyDefinition)] : [];
    return [...base, ...statements.map(policyCandidate)];
  }
  if (shape.content === 'elements') {
    return shape.elements.filter((child) => child.multiple || !present.has(child.name)).map((child) => childCandidate(child, resolved.owner));
  }
  return [];
}

/** Elements that may be placed at the cursor: sections, policy statements or a policy's child elements. */
export function elementCompletions(place: ElementNamePlace, environment: LanguageEnvironment): LanguageCompletion[] {
  return candidatesIn(place.parent, place.typing, environment).map((candidate) => {
    const body = place.nameOnly ? candidate.name : elementSnippet(candidate.name, candidate.shape);
    return {
      label: candidate.name,
      kind: 'element',
      detail: candidate.detail,
      documentation: candidate.documentation,
      insertText: place.afterBracket ? body : `<${body}`,
      snippet: !place.nameOnly,
      replace: place.replace,
    };
  });
}
