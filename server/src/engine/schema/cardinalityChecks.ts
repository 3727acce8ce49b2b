import type { PolicyDefinition } from '../catalog/policyDefinition';
import type { XmlElement } from '../policy/syntaxTree';
import type { SchemaReporter } from './schemaReporter';

/** A policy statement met during the walk, with the section (or fragment root) that holds it. */
export interface StatementOccurrence {
  readonly definition: PolicyDefinition;
  readonly element: XmlElement;
  readonly container: XmlElement;
}

function ancestors(element: XmlElement): XmlElement[] {
  const chain: XmlElement[] = [];
  for (let current = element.parent; current; current = current.parent) chain.push(current);
  return chain;
}

/** Two statements in different branches of one `choose` never run together, so they don't count as repeats. */
function inExclusiveBranches(first: XmlElement, second: XmlElement): boolean {
  const firstAncestors = new Set(ancestors(first));
  const common = ancestors(second).find((candidate) => firstAncestors.has(candidate));
  return common?.name === 'choose';
}

/** Reports a once-per-section or once-per-document policy that appears again where it can run twice. */
export function checkRepeatedPolicies(occurrences: readonly StatementOccurrence[], reporter: SchemaReporter): void {
  for (let index = 0; index < occurrences.length; index++) {
    const current = occurrences[index];
    const cardinality = current.definition.cardinality;
    if (cardinality === 'repeatable') continue;
    const repeats = occurrences
      .slice(0, index)
      .some(
        (earlier) =>
          earlier.definition === current.definition &&
          (cardinality === 'once-per-document' || earlier.container === current.container) &&
          !inExclusiveBranches(earlier.element, current.element),
      );
    if (!repeats) continue;
    const where = cardinality === 'once-per-document' ? 'policy document' : 'section';
    reporter.report('repeated-policy', `<${current.element.name}> may appear only once per ${where}.`, current.element.nameSpan);
  }
}
