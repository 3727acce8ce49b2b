import type { XmlDocument, XmlElement } from '../policy/syntaxTree';
import type { ScopeLevel } from './scopeChain';

/** One `include-fragment` that brought a statement in. */
export interface FragmentInclusion {
  readonly fragmentId: string;
  /** The `<include-fragment>` element, in the including document. */
  readonly element: XmlElement;
  readonly documentPath: string;
}

/** A policy statement as it runs, with where it was written. */
export interface EffectiveStatement {
  /** The element name: `rate-limit`, `choose`, `when`, ... */
  readonly name: string;
  readonly element: XmlElement;
  readonly document: XmlDocument;
  /** The file the element is written in (a fragment's file for fragment content). */
  readonly documentPath: string;
  /** The scope whose policy put the statement on the chain (directly or through fragments). */
  readonly level: ScopeLevel;
  /** Fragment inclusions that led here, outermost first; empty for statements written in the scope's own file. */
  readonly includedVia: readonly FragmentInclusion[];
  /** The nested policy statements of `choose` / `when` / `otherwise` / `retry` / `wait` / `limit-concurrency`. */
  readonly children: readonly EffectiveStatement[];
}

/** Elements whose children are policy statements rather than settings. */
export const CONTAINER_POLICIES: ReadonlySet<string> = new Set(['choose', 'when', 'otherwise', 'retry', 'wait', 'limit-concurrency']);

/** Whether any of the statements, at any depth, is one of the named policies. */
export function containsPolicy(statements: readonly EffectiveStatement[], names: readonly string[]): boolean {
  return findPolicies(statements, names).length > 0;
}

/** Every statement (at any depth, in document order) that is one of the named policies. */
export function findPolicies(statements: readonly EffectiveStatement[], names: readonly string[]): EffectiveStatement[] {
  const wanted = new Set(names);
  const found: EffectiveStatement[] = [];
  const visit = (list: readonly EffectiveStatement[]): void => {
    for (const statement of list) {
      if (wanted.has(statement.name)) found.push(statement);
      visit(statement.children);
    }
  };
  visit(statements);
  return found;
}
