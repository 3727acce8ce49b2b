import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { computeEffectivePolicy } from '../../workspace/effectivePolicy';
import type { EffectiveStatement } from '../../workspace/effectiveStatement';
import { standaloneChain } from '../../workspace/scopeChain';
import { pathCoverageWhere } from './pathCoverageWhere';

function inbound(body: string): readonly EffectiveStatement[] {
  const { document } = parsePolicy(`<policies><inbound>${body}</inbound></policies>`);
  const policy = computeEffectivePolicy({ roots: [], policyFiles: new Map(), problems: [] }, standaloneChain('p.xml'), () => document);
  return policy.sections.inbound.statements;
}

const isCheckHeaderOn401 = (statement: EffectiveStatement): boolean =>
  statement.name === 'check-header' && statement.element.attributes.some((node) => node.name === 'failed-check-httpcode' && node.value === '401');

describe('pathCoverageWhere', () => {
  test('a matching statement at the top level or inside a container covers every path', () => {
    assert.equal(pathCoverageWhere(inbound('<check-header name="a" failed-check-httpcode="401" />'), isCheckHeaderOn401), 'every-path');
    assert.equal(pathCoverageWhere(inbound('<retry><check-header name="a" failed-check-httpcode="401" /></retry>'), isCheckHeaderOn401), 'every-path');
  });

  test('a statement of the right name that fails the test does not count', () => {
    assert.equal(pathCoverageWhere(inbound('<check-header name="a" failed-check-httpcode="400" />'), isCheckHeaderOn401), 'none');
  });

  test('choose branches: every branch with otherwise covers, some branches are partial', () => {
    const match = '<check-header name="a" failed-check-httpcode="401" />';
    assert.equal(
      pathCoverageWhere(inbound(`<choose><when condition="@(true)">${match}</when><otherwise>${match}</otherwise></choose>`), isCheckHeaderOn401),
      'every-path',
    );
    assert.equal(pathCoverageWhere(inbound(`<choose><when condition="@(true)">${match}</when></choose>`), isCheckHeaderOn401), 'some-paths');
    assert.equal(pathCoverageWhere(inbound(`<choose><when condition="@(true)">${match}</when><otherwise /></choose>`), isCheckHeaderOn401), 'some-paths');
  });
});
