import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { computeEffectivePolicy } from '../../workspace/effectivePolicy';
import { standaloneChain } from '../../workspace/scopeChain';
import { backendRoutes } from './backendRoutes';

function routesOf(inbound: string, backend = ''): string[] {
  const { document } = parsePolicy(`<policies><inbound>${inbound}</inbound><backend>${backend}</backend></policies>`);
  const policy = computeEffectivePolicy({ roots: [], policyFiles: new Map(), problems: [] }, standaloneChain('p.xml'), () => document);
  return backendRoutes([...policy.sections.inbound.statements, ...policy.sections.backend.statements]).map((route) => route.backendId);
}

describe('backendRoutes', () => {
  test('a literal backend-id is a route; a later top-level set-backend-service replaces it', () => {
    assert.deepEqual(routesOf('<set-backend-service backend-id=" orders " />'), ['orders']);
    assert.deepEqual(routesOf('<set-backend-service backend-id="a" /><set-backend-service backend-id="b" />'), ['b']);
    assert.deepEqual(routesOf('<set-backend-service backend-id="a" />', '<set-backend-service base-url="https://x.example" />'), []);
  });

  test('branches add possible routes without replacing the earlier choice', () => {
    assert.deepEqual(
      routesOf('<set-backend-service backend-id="a" /><choose><when condition="@(true)"><set-backend-service backend-id="b" /></when></choose>'),
      ['a', 'b'],
    );
  });

  test('expressions and named values are unknown and give no route', () => {
    assert.deepEqual(routesOf('<set-backend-service backend-id="@((string)context.Variables[&quot;b&quot;])" />'), []);
    assert.deepEqual(routesOf('<set-backend-service backend-id="{{backend}}" />'), []);
  });
});
