import { findChildElement, findPolicy, isCatalogElementName, policiesAllowedIn, policyStatements, shapeOf } from '../catalog/catalog';
import type { ElementShape, PolicyDefinition } from '../catalog/policyDefinition';
import type { Finding } from '../findings/finding';
import { childElements, type XmlDocument, type XmlElement, type XmlNode } from '../policy/syntaxTree';
import { checkAttributes } from './attributeChecks';
import { checkRepeatedPolicies, type StatementOccurrence } from './cardinalityChecks';
import { nearestNames } from './nearestNames';
import { checkGateway, checkPlacement } from './placementChecks';
import type { SchemaContext } from './schemaContext';
import { renameElementFixes } from './schemaFixes';
import { SchemaReporter } from './schemaReporter';
import { checkFragmentReference, checkNamedValues } from './workspaceReferenceChecks';
import { isPolicySection, POLICY_SECTIONS, type PolicySection } from '../policy/policyVocabulary';

/**
 * Checks a parsed policy document against the policy catalog: document shape, element placement,
 * attributes, child elements and references into the workspace. Syntax problems are the parser's
 * job and are not repeated here. Never throws; the tree is depth-limited by the parser.
 */
export function validatePolicySchema(document: XmlDocument, context: SchemaContext = {}): Finding[] {
  return new SchemaWalk(context).run(document);
}

const ROOT_NAMES = ['policies', 'fragment'];

/** Where the statements being walked live. */
interface StatementPlace {
  /** The enclosing section; undefined in fragments and resolver policies. */
  readonly section: PolicySection | undefined;
  /** The section element (or the fragment or resolver root) that once-per-section counts against. */
  readonly container: XmlElement;
  readonly inFragment: boolean;
}

function catalogEntry(name: string): PolicyDefinition {
  const definition = findPolicy(name);
  if (!definition) throw new Error(`policy catalog lacks <${name}>`);
  return definition;
}

const POLICIES = catalogEntry('policies');
const FRAGMENT = catalogEntry('fragment');
const BASE = catalogEntry('base');
const CHOOSE = catalogEntry('choose');
const INCLUDE_FRAGMENT = catalogEntry('include-fragment');

class SchemaWalk {
  private readonly reporter = new SchemaReporter();
  private readonly occurrences: StatementOccurrence[] = [];

  constructor(private readonly context: SchemaContext) {}

  run(document: XmlDocument): Finding[] {
    const root = document.root;
    if (root) this.checkRoot(root);
    checkRepeatedPolicies(this.occurrences, this.reporter);
    this.checkNamedValuesIn(document.children);
    return this.reporter.close().sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  }

  private checkRoot(root: XmlElement): void {
    if (root.name === 'policies') {
      this.checkPoliciesRoot(root);
      return;
    }
    if (root.name === 'fragment') {
      checkAttributes(root, FRAGMENT, this.reporter);
      this.checkStatements(root, { section: undefined, container: root, inFragment: true });
      return;
    }
    const resolver = findPolicy(root.name);
    if (resolver?.context === 'graphql-resolver') {
      checkGateway(root, resolver, this.context, this.reporter);
      this.checkElement(root, resolver, { section: undefined, container: root, inFragment: false });
      return;
    }
    const suggestions = nearestNames(root.name, ROOT_NAMES);
    this.reporter.report(
      'invalid-root',
      `The root element must be <policies> or <fragment>, not <${root.name}>.`,
      root.nameSpan,
      renameElementFixes(root, suggestions),
    );
  }

  private checkPoliciesRoot(root: XmlElement): void {
    checkAttributes(root, POLICIES, this.reporter);
    const seen = new Set<string>();
    let latest: XmlElement | undefined;
    for (const child of childElements(root)) {
      if (isPolicySection(child.name)) {
        if (seen.has(child.name)) {
          this.reporter.report('repeated-section', `Section <${child.name}> appears more than once.`, child.nameSpan);
        } else if (latest && POLICY_SECTIONS.indexOf(child.name) < POLICY_SECTIONS.indexOf(latest.name as PolicySection)) {
          this.reporter.report(
            'section-out-of-order',
            `Section <${child.name}> comes after <${latest.name}>; APIM runs the sections in pipeline order anyway, but readers expect inbound, backend, outbound, on-error.`,
            child.nameSpan,
          );
        } else {
          latest = child;
        }
        seen.add(child.name);
        checkAttributes(child, catalogEntry(child.name), this.reporter);
        this.checkStatements(child, { section: child.name, container: child, inFragment: false });
      } else if (findPolicy(child.name)?.kind === 'policy') {
        this.reporter.report('policy-outside-section', `<${child.name}> must be inside a section: inbound, backend, outbound or on-error.`, child.nameSpan);
      } else if (isCatalogElementName(child.name)) {
        this.reporter.report('element-not-allowed-here', `<${child.name}> can't be a child of <policies>.`, child.nameSpan);
      } else {
        this.reportUnknown(child, POLICY_SECTIONS, 'in <policies>');
      }
    }
  }

  /** The children of a section, a fragment or a container policy: policy statements and `<base />`. */
  private checkStatements(container: XmlElement, place: StatementPlace): void {
    const isSection = isPolicySection(container.name) && container.parent?.name === 'policies';
    let baseSeen = false;
    for (const child of childElements(container)) {
      if (child.name === 'base') {
        if (place.inFragment) {
          this.reporter.report('base-in-fragment', '<base /> is not allowed in a policy fragment.', child.nameSpan);
        } else if (isSection && baseSeen) {
          this.reporter.report('repeated-base', `Section <${container.name}> has more than one <base />.`, child.nameSpan);
        }
        baseSeen = baseSeen || isSection;
        checkAttributes(child, BASE, this.reporter);
        continue;
      }
      const definition = findPolicy(child.name);
      if (definition?.kind === 'policy') {
        checkPlacement(child, definition, place.section, this.context, this.reporter);
        this.occurrences.push({ definition, element: child, container: place.container });
        this.checkElement(child, definition, place);
      } else if (definition) {
        this.reportMisplacedStructure(child, place);
      } else {
        const allowed = place.section ? policiesAllowedIn(place.section) : policyStatements();
        const names = allowed.map((candidate) => candidate.name);
        const suggestions = nearestNames(child.name, names);
        this.reportUnknown(child, suggestions.length > 0 ? names : policyStatements().map((candidate) => candidate.name), `in <${container.name}>`);
      }
    }
  }

  private reportMisplacedStructure(element: XmlElement, place: StatementPlace): void {
    let message: string;
    if (isPolicySection(element.name)) {
      message = place.inFragment
        ? `A fragment holds policy statements, not sections like <${element.name}>.`
        : `Section <${element.name}> belongs directly in <policies>.`;
    } else {
      message = `<${element.name}> is only valid as the root element.`;
    }
    this.reporter.report('element-not-allowed-here', message, element.nameSpan);
  }

  private checkElement(element: XmlElement, shape: ElementShape, place: StatementPlace): void {
    // Foreign XML (an XSLT stylesheet, a crossdomain.xml document): neither its attributes nor its children are ours.
    if (shape.content === 'markup') return;
    checkAttributes(element, shape, this.reporter);
    if (shape === INCLUDE_FRAGMENT) checkFragmentReference(element, this.context, this.reporter);
    if (shape.content === 'policies') this.checkStatements(element, place);
    // Text content may carry payload markup (a SOAP envelope in set-body), which is not policy.
    else if (shape.content !== 'text') this.checkChildElements(element, shape, place);
  }

  private checkChildElements(element: XmlElement, shape: ElementShape, place: StatementPlace): void {
    const counts = new Map<string, number>();
    let furthest = -1;
    for (const child of childElements(element)) {
      const definition = findChildElement(shape, child.name);
      if (!definition) {
        this.reportUnexpectedChild(child, element, shape);
        continue;
      }
      const count = (counts.get(child.name) ?? 0) + 1;
      counts.set(child.name, count);
      if (count > 1 && !definition.multiple) {
        this.reporter.report('repeated-element', `<${element.name}> takes only one <${child.name}>.`, child.nameSpan);
      }
      const position = shape.elements.indexOf(definition);
      if (shape.ordered && position < furthest) {
        this.reporter.report(
          'child-out-of-order',
          `<${child.name}> should come before <${shape.elements[furthest].name}> in <${element.name}>.`,
          child.nameSpan,
        );
      }
      furthest = Math.max(furthest, position);
      this.checkElement(child, shapeOf(definition), place);
    }
    for (const definition of shape.elements) {
      if (!definition.required || counts.has(definition.name)) continue;
      const article = definition.multiple ? 'at least one' : 'a';
      this.reporter.report('missing-required-element', `<${element.name}> needs ${article} <${definition.name}> element.`, element.nameSpan);
    }
    if (shape === CHOOSE) this.checkOtherwiseLast(element);
  }

  private reportUnexpectedChild(child: XmlElement, parent: XmlElement, shape: ElementShape): void {
    const allowed = shape.elements.map((candidate) => candidate.name);
    if (isCatalogElementName(child.name)) {
      const expected = allowed.length > 0 ? `; expected ${allowed.map((name) => `<${name}>`).join(', ')}` : '; it takes no child elements';
      this.reporter.report('element-not-allowed-here', `<${child.name}> is not allowed inside <${parent.name}>${expected}.`, child.nameSpan);
      return;
    }
    this.reportUnknown(child, allowed, `in <${parent.name}>`);
  }

  private checkOtherwiseLast(choose: XmlElement): void {
    const branches = childElements(choose);
    const otherwise = branches.findIndex((branch) => branch.name === 'otherwise');
    if (otherwise >= 0 && branches.slice(otherwise + 1).some((branch) => branch.name === 'when')) {
      this.reporter.report('otherwise-not-last', '<otherwise> must be the last branch of <choose>.', branches[otherwise].nameSpan);
    }
  }

  private reportUnknown(element: XmlElement, candidates: readonly string[], where: string): void {
    const suggestions = nearestNames(element.name, candidates);
    const hint = suggestions.length > 0 ? ` Did you mean <${suggestions.join('> or <')}>?` : '';
    this.reporter.report('unknown-element', `Unknown element <${element.name}> ${where}.${hint}`, element.nameSpan, renameElementFixes(element, suggestions));
  }

  private checkNamedValuesIn(nodes: readonly XmlNode[]): void {
    for (const node of nodes) {
      if (node.kind === 'text') {
        checkNamedValues(node.embedded, this.context, this.reporter);
      } else if (node.kind === 'element') {
        for (const attribute of node.attributes) checkNamedValues(attribute.embedded, this.context, this.reporter);
        this.checkNamedValuesIn(node.children);
      }
    }
  }
}
