import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { elementsNamed } from '../../policy/treeQueries';
import { tokenSourceOf } from './tokenSource';

function sourceOf(markup: string): ReturnType<typeof tokenSourceOf> {
  const [validator] = elementsNamed(parsePolicy(markup).document, 'validate-jwt', 'validate-azure-ad-token');
  return tokenSourceOf(validator);
}

describe('tokenSourceOf', () => {
  test('header and query parameter names are read as written', () => {
    assert.deepEqual(sourceOf('<validate-jwt header-name="Authorization" />'), { kind: 'header', name: 'Authorization' });
    assert.deepEqual(sourceOf('<validate-jwt header-name=" X-Token " />'), { kind: 'header', name: 'X-Token' });
    assert.deepEqual(sourceOf('<validate-jwt query-parameter-name="access_token" />'), { kind: 'query', name: 'access_token' });
  });

  test('validate-azure-ad-token reads Authorization by default; validate-jwt has no default', () => {
    assert.deepEqual(sourceOf('<validate-azure-ad-token tenant-id="t" />'), { kind: 'header', name: 'Authorization' });
    assert.equal(sourceOf('<validate-jwt />'), undefined);
  });

  test('token-value, expressions and named values are unknown', () => {
    assert.equal(sourceOf('<validate-jwt token-value="@(context.Variables.GetValueOrDefault&lt;string&gt;(&quot;t&quot;))" />'), undefined);
    assert.equal(sourceOf('<validate-jwt header-name="@(&quot;X-Token&quot;)" />'), undefined);
    assert.equal(sourceOf('<validate-azure-ad-token header-name="{{token-header}}" />'), undefined);
  });
});
