import { findChildElement, findPolicy, shapeOf } from '../catalog/catalog';
import type { ChildElementDefinition, ElementShape, PolicyDefinition } from '../catalog/policyDefinition';
import { sectionOf } from '../policy/treeQueries';
import type { XmlElement } from '../policy/syntaxTree';
import { isPolicySection, type PolicySection } from '../policy/policyVocabulary';

/** What the catalog says about one element of a document, found by following its ancestors from the root. */
export interface ResolvedElement {
  /** Attributes, children and content; undefined for elements the catalog does not know at this place. */
  readonly shape: ElementShape | undefined;
  /** The element's own catalog entry when it is a policy or a structural element. */
  readonly definition: PolicyDefinition | undefined;
  /** The child-element entry when the element is a part of a policy (`when`, `value`, ...). */
  readonly child: ChildElementDefinition | undefined;
  /** The nearest policy (the element itself or an ancestor) whose docs describe the element. */
  readonly owner: PolicyDefinition | undefined;
  /** The section the element is in; undefined in fragments and outside sections. */
  readonly section: PolicySection | undefined;
}

const UNKNOWN: ResolvedElement = { shape: undefined, definition: undefined, child: undefined, owner: undefined, section: undefined };

/** Elements from the root down to `element` (iterative: the parser caps depth, but no recursion is needed). */
function pathFromRoot(element: XmlElement): XmlElement[] {
  const path: XmlElement[] = [];
  for (let current: XmlElement | undefined = element; current; current = current.parent) path.push(current);
  return path.reverse();
}

function rootEntry(root: XmlElement): PolicyDefinition | undefined {
  const definition = findPolicy(root.name);
  if (root.name === 'policies' || root.name === 'fragment' || definition?.context !== undefined) return definition;
  return undefined;
}

/** The entry of an element placed among policy statements (a section, a fragment, `retry`, `when`, ...). */
function statementEntry(name: string): PolicyDefinition | undefined {
  const definition = findPolicy(name);
  return definition && (definition.kind === 'policy' || name === 'base') ? definition : undefined;
}

/** Resolves an element against the catalog, following where each ancestor sits. */
export function resolveElement(element: XmlElement): ResolvedElement {
  const path = pathFromRoot(element);
  const rootDefinition = rootEntry(path[0]);
  if (!rootDefinition) return UNKNOWN;
  let resolved: ResolvedElement = { shape: rootDefinition, definition: rootDefinition, child: undefined, owner: rootDefinition, section: undefined };
  for (let index = 1; index < path.length; index++) {
    const current = path[index];
    const parentShape = resolved.shape;
    if (!parentShape) return UNKNOWN;
    if (parentShape === findPolicy('policies')) {
      const section = isPolicySection(current.name) ? findPolicy(current.name) : undefined;
      if (!section) return UNKNOWN;
      resolved = { shape: section, definition: section, child: undefined, owner: section, section: current.name as PolicySection };
    } else if (parentShape.content === 'policies') {
      const statement = statementEntry(current.name);
      if (!statement) return UNKNOWN;
      resolved = { shape: statement, definition: statement, child: undefined, owner: statement, section: sectionOf(current) };
    } else if (parentShape.content === 'elements') {
      const child = findChildElement(parentShape, current.name);
      if (!child) return UNKNOWN;
      const shape = shapeOf(child);
      const definition = child.isPolicy ? findPolicy(child.name) : undefined;
      resolved = { shape, definition, child, owner: definition ?? resolved.owner, section: sectionOf(current) };
    } else {
      // Text and markup content: whatever is inside is payload, not policy.
      return UNKNOWN;
    }
  }
  return resolved;
}
