import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { computeEffectivePolicy, type EffectivePolicy } from '../../workspace/effectivePolicy';
import { standaloneChain, type ScopeChain } from '../../workspace/scopeChain';
import { chainNames } from './chainNames';

const MODEL = { roots: [], policyFiles: new Map(), problems: [] };

function policyOn(chain: ScopeChain): EffectivePolicy {
  const { document } = parsePolicy('<policies />');
  return computeEffectivePolicy(MODEL, chain, () => document);
}

describe('chainNames', () => {
  test('a document seen alone is "for this document"; chains are joined with "or"', () => {
    assert.equal(chainNames([policyOn(standaloneChain('p.xml'))]), 'for this document');
    const product = (name: string): ScopeChain => ({ ...standaloneChain('p.xml'), name: `via product ${name}`, reason: 'product', product: name });
    assert.equal(chainNames([policyOn(product('free')), policyOn(product('gold'))]), 'via product free or via product gold');
  });
});
