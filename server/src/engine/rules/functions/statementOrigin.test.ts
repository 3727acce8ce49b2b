import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { computeEffectivePolicy } from '../../workspace/effectivePolicy';
import { standaloneChain } from '../../workspace/scopeChain';
import { statementOrigin } from './statementOrigin';

describe('statementOrigin', () => {
  test('names the scope label of a statement written in the scope document', () => {
    const { document } = parsePolicy('<policies><backend><forward-request /></backend></policies>');
    const policy = computeEffectivePolicy({ roots: [], policyFiles: new Map(), problems: [] }, standaloneChain('p.xml'), () => document);
    assert.equal(statementOrigin(policy.sections.backend.statements[0]), 'this document');
  });

  test('names the innermost fragment for fragment content', () => {
    const { document } = parsePolicy('<policies><backend><forward-request /></backend></policies>');
    const policy = computeEffectivePolicy({ roots: [], policyFiles: new Map(), problems: [] }, standaloneChain('p.xml'), () => document);
    const statement = policy.sections.backend.statements[0];
    const inner = { fragmentId: 'inner', element: statement.element, documentPath: 'f.xml' };
    const outer = { fragmentId: 'outer', element: statement.element, documentPath: 'p.xml' };
    assert.equal(statementOrigin({ ...statement, includedVia: [outer, inner] }), 'fragment inner');
  });
});
