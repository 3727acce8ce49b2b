import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { computeEffectivePolicy } from '../../workspace/effectivePolicy';
import { standaloneChain } from '../../workspace/scopeChain';
import { policiesOutside } from './policiesOutside';

function unguardedIn(backend: string): string[] {
  const text = `<policies><backend>${backend}</backend></policies>`;
  const { document } = parsePolicy(text);
  const policy = computeEffectivePolicy({ roots: [], policyFiles: new Map(), problems: [] }, standaloneChain('p.xml'), () => document);
  return policiesOutside(policy.sections.backend.statements, ['forward-request'], ['retry']).map((statement) =>
    text.slice(statement.element.span.start, statement.element.span.end),
  );
}

describe('policiesOutside', () => {
  test('finds statements at any depth that no encloser contains, in run order', () => {
    assert.deepEqual(unguardedIn('<forward-request timeout="1" />'), ['<forward-request timeout="1" />']);
    assert.deepEqual(
      unguardedIn('<choose><when condition="@(true)"><forward-request timeout="1" /></when><otherwise><forward-request timeout="2" /></otherwise></choose>'),
      ['<forward-request timeout="1" />', '<forward-request timeout="2" />'],
    );
  });

  test('skips statements inside an encloser, even nested deeper', () => {
    assert.deepEqual(unguardedIn('<retry condition="@(true)" count="1" interval="1"><forward-request /></retry>'), []);
    assert.deepEqual(
      unguardedIn(
        '<retry condition="@(true)" count="1" interval="1"><choose><when condition="@(true)"><forward-request /></when></choose></retry><forward-request timeout="3" />',
      ),
      ['<forward-request timeout="3" />'],
    );
  });
});
