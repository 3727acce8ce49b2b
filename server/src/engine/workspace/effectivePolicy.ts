import { attribute, childElements, type XmlDocument, type XmlElement } from '../policy/syntaxTree';
import { CONTAINER_POLICIES, type EffectiveStatement, type FragmentInclusion } from './effectiveStatement';
import { scopeChainsForPolicyFile, type ScopeChain, type ScopeLevel } from './scopeChain';
import { artifactTreeOf, type FragmentNode, type ServiceModel } from './serviceModel';
import type { PolicySection } from '../policy/policyVocabulary';
import { appendAll } from '../collections/appendAll';

/** Parsed policy documents by workspace-relative path; undefined when a file cannot be read or parsed. */
export type DocumentSource = (path: string) => XmlDocument | undefined;

/**
 * How one scope's document treats a section:
 * - `no-policy`: the scope has no policy file, so it passes its parent's section through unchanged;
 * - `unreadable`: the file exists but has no `<policies>` root; treated like `no-policy`;
 * - `section-missing`: the document omits the section, so nothing is inherited;
 * - `base-missing`: the section has no `<base />`, so the parent's statements are dropped;
 * - `base-present`: the parent's statements run where `<base />` stands.
 */
export type SectionState = 'no-policy' | 'unreadable' | 'section-missing' | 'base-missing' | 'base-present';

export interface SectionContribution {
  readonly level: ScopeLevel;
  readonly state: SectionState;
  /** The parent's effective statements this level throws away (`section-missing` / `base-missing`). */
  readonly dropped: readonly EffectiveStatement[];
}

export interface EffectiveSection {
  readonly section: PolicySection;
  /** Top-level statements in run order; container bodies are nested in `children`. */
  readonly statements: readonly EffectiveStatement[];
  /** One entry per chain level, outermost first. */
  readonly contributions: readonly SectionContribution[];
}

export type EffectivePolicyProblemKind =
  | 'fragment-missing'
  | 'fragment-unreadable'
  | 'fragment-cycle'
  | 'fragment-too-deep'
  | 'fragment-without-id'
  | 'duplicate-base';

/** Something that keeps the effective policy from being fully known; data, never an exception. */
export interface EffectivePolicyProblem {
  readonly kind: EffectivePolicyProblemKind;
  readonly message: string;
  /** The element at fault (`<include-fragment>` or the extra `<base />`). */
  readonly element: XmlElement;
  readonly documentPath: string;
  readonly fragmentId: string | undefined;
  /** For `fragment-cycle`: the fragment ids around the cycle, first id repeated at the end. */
  readonly cycle: readonly string[];
}

export interface EffectivePolicy {
  readonly chain: ScopeChain;
  readonly sections: Readonly<Record<PolicySection, EffectiveSection>>;
  readonly problems: readonly EffectivePolicyProblem[];
}

/** Fragments including fragments deeper than this are not expanded (cycles are caught before). */
export const MAX_FRAGMENT_DEPTH = 16;

/** The effective policy of every chain leading to a policy file's scope. */
export function effectivePoliciesForPolicyFile(model: ServiceModel, path: string, documentFor: DocumentSource): EffectivePolicy[] {
  return scopeChainsForPolicyFile(model, path).map((chain) => computeEffectivePolicy(model, chain, documentFor));
}

/**
 * Flattens a chain into the statements that run, per section: each level's `<base />` is replaced by
 * its parent's effective section, and each `include-fragment` by the fragment's body (recursively).
 */
export function computeEffectivePolicy(model: ServiceModel, chain: ScopeChain, documentFor: DocumentSource): EffectivePolicy {
  const problems = new ProblemList();
  const expansion = new Expansion(problems, fragmentLookup(model, chain), documentFor);
  const sections: Record<PolicySection, EffectiveSection> = {
    inbound: effectiveSection(chain, 'inbound', expansion, documentFor),
    backend: effectiveSection(chain, 'backend', expansion, documentFor),
    outbound: effectiveSection(chain, 'outbound', expansion, documentFor),
    'on-error': effectiveSection(chain, 'on-error', expansion, documentFor),
  };
  return { chain, sections, problems: problems.list };
}

function effectiveSection(chain: ScopeChain, section: PolicySection, expansion: Expansion, documentFor: DocumentSource): EffectiveSection {
  let inherited: readonly EffectiveStatement[] = [];
  const contributions: SectionContribution[] = [];
  for (const level of chain.levels) {
    if (level.policyPath === undefined) {
      contributions.push({ level, state: 'no-policy', dropped: [] });
      continue;
    }
    const document = documentFor(level.policyPath);
    const root = document?.root;
    if (document === undefined || root === undefined || root.name !== 'policies') {
      contributions.push({ level, state: 'unreadable', dropped: [] });
      continue;
    }
    const sectionElement = childElements(root).find((element) => element.name === section);
    if (sectionElement === undefined) {
      contributions.push({ level, state: 'section-missing', dropped: inherited });
      inherited = [];
      continue;
    }
    const base: BaseSlot = { statements: inherited, count: 0 };
    const context: ExpansionContext = { level, document, documentPath: level.policyPath, includedVia: [], fragmentStack: [] };
    const statements = expansion.children(sectionElement, context, base);
    contributions.push(base.count > 0 ? { level, state: 'base-present', dropped: [] } : { level, state: 'base-missing', dropped: inherited });
    inherited = statements;
  }
  return { section, statements: inherited, contributions };
}

interface ExpansionContext {
  readonly level: ScopeLevel;
  readonly document: XmlDocument;
  readonly documentPath: string;
  readonly includedVia: readonly FragmentInclusion[];
  readonly fragmentStack: readonly string[];
}

interface BaseSlot {
  readonly statements: readonly EffectiveStatement[];
  count: number;
}

type FragmentLookup = (id: string) => FragmentNode | undefined;

/** Workspace fragments first, then the service's; nothing for loose documents. */
function fragmentLookup(model: ServiceModel, chain: ScopeChain): FragmentLookup {
  if (chain.root === undefined) return () => undefined;
  const service = artifactTreeOf(model, chain.root, undefined);
  const workspace = chain.workspace === undefined ? undefined : artifactTreeOf(model, chain.root, chain.workspace);
  return (id) => workspace?.fragments.get(id) ?? service?.fragments.get(id);
}

class Expansion {
  constructor(
    private readonly problems: ProblemList,
    private readonly findFragment: FragmentLookup,
    private readonly documentFor: DocumentSource,
  ) {}

  /** The statements of an element's child elements; `base` is only honoured at a section's top level. */
  children(parent: XmlElement, context: ExpansionContext, base: BaseSlot | undefined): EffectiveStatement[] {
    const statements: EffectiveStatement[] = [];
    for (const child of childElements(parent)) {
      if (child.name === 'base' && base !== undefined) {
        base.count++;
        if (base.count === 1) appendAll(statements, base.statements);
        else this.problems.add('duplicate-base', 'A second <base /> in the same section is ignored.', child, context.documentPath);
      } else if (child.name === 'include-fragment') {
        appendAll(statements, this.fragment(child, context));
      } else {
        statements.push({
          name: child.name,
          element: child,
          document: context.document,
          documentPath: context.documentPath,
          level: context.level,
          includedVia: context.includedVia,
          children: CONTAINER_POLICIES.has(child.name) ? this.children(child, context, undefined) : [],
        });
      }
    }
    return statements;
  }

  private fragment(include: XmlElement, context: ExpansionContext): EffectiveStatement[] {
    const id = attribute(include, 'fragment-id')?.value?.trim();
    const path = context.documentPath;
    if (id === undefined || id === '') {
      this.problems.add('fragment-without-id', 'include-fragment has no fragment-id, so nothing is included.', include, path);
      return [];
    }
    if (context.fragmentStack.includes(id)) {
      const cycle = [...context.fragmentStack.slice(context.fragmentStack.indexOf(id)), id];
      this.problems.add('fragment-cycle', `Fragments include each other in a cycle: ${cycle.join(' -> ')}.`, include, path, id, cycle);
      return [];
    }
    if (context.fragmentStack.length >= MAX_FRAGMENT_DEPTH) {
      this.problems.add('fragment-too-deep', `Fragments are nested more than ${MAX_FRAGMENT_DEPTH} deep; "${id}" is not expanded.`, include, path, id);
      return [];
    }
    const fragment = this.findFragment(id);
    if (fragment === undefined) {
      this.problems.add('fragment-missing', `Policy fragment "${id}" is not in the workspace.`, include, path, id);
      return [];
    }
    const document = fragment.policyPath === undefined ? undefined : this.documentFor(fragment.policyPath);
    if (fragment.policyPath === undefined || document?.root === undefined || document.root.name !== 'fragment') {
      this.problems.add('fragment-unreadable', `Policy fragment "${id}" has no readable <fragment> document.`, include, path, id);
      return [];
    }
    return this.children(
      document.root,
      {
        level: context.level,
        document,
        documentPath: fragment.policyPath,
        includedVia: [...context.includedVia, { fragmentId: id, element: include, documentPath: path }],
        fragmentStack: [...context.fragmentStack, id],
      },
      undefined,
    );
  }
}

/** Problems of one kind kept per effective policy: 600,000 `<base />` in a section are not 600,000 problems. */
export const MAX_PROBLEMS_PER_KIND = 200;

/**
 * Collects problems once each (the same include can be reached from several sections or inclusions), at most
 * MAX_PROBLEMS_PER_KIND of a kind; the document's own findings count the rest.
 */
class ProblemList {
  readonly list: EffectivePolicyProblem[] = [];
  private readonly seen = new Set<string>();
  private readonly perKind = new Map<EffectivePolicyProblemKind, number>();

  add(kind: EffectivePolicyProblemKind, message: string, element: XmlElement, documentPath: string, fragmentId?: string, cycle: readonly string[] = []): void {
    const kept = this.perKind.get(kind) ?? 0;
    if (kept >= MAX_PROBLEMS_PER_KIND) return;
    const key = `${kind}\u0000${documentPath}\u0000${element.span.start}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.perKind.set(kind, kept + 1);
    this.list.push({ kind, message, element, documentPath, fragmentId, cycle });
  }
}
