import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { looseFindings, MemoryWorkspace } from '../../../testing/memoryWorkspace';

const API_INFO = JSON.stringify({ properties: { displayName: 'Orders', path: 'orders', subscriptionRequired: true } });
const BREAKER = {
  rules: [{ name: 'trip', tripDuration: 'PT1M', failureCondition: { count: 3, interval: 'PT1M', statusCodeRanges: [{ min: 500, max: 599 }] } }],
};
const backend = (properties: Record<string, unknown>): string => JSON.stringify({ properties: { protocol: 'http', url: 'https://b.example', ...properties } });

function policy(inbound: string): string {
  return `<policies>\n  <inbound>\n    <base />\n${inbound}  </inbound>\n  <backend>\n    <base />\n  </backend>\n</policies>\n`;
}

const BACKENDS = {
  'backends/plain/backendInformation.json': backend({}),
  'backends/guarded/backendInformation.json': backend({ circuitBreaker: BREAKER }),
  'backends/pool/backendInformation.json': backend({
    type: 'Pool',
    pool: { services: [{ id: '/backends/guarded' }, { id: '/backends/plain' }, { id: '/backends/elsewhere' }] },
  }),
  'backends/safe-pool/backendInformation.json': backend({ type: 'Pool', pool: { services: [{ id: '/backends/guarded' }] } }),
};

describe('circuit-breaker-missing', () => {
  test('reports the backend-id value when this document routes to a backend without circuit breaker rules', () => {
    const text = policy('    <set-backend-service backend-id="plain" />\n');
    const workspace = new MemoryWorkspace({ ...BACKENDS, 'apis/orders/apiInformation.json': API_INFO, 'apis/orders/policy.xml': text });
    const [finding, ...rest] = workspace.findingsOf('circuit-breaker-missing', 'apis/orders/policy.xml');
    assert.deepEqual(rest, []);
    assert.equal(finding.severity, 'warning');
    assert.equal(text.slice(finding.span.start, finding.span.end), 'plain');
    assert.equal(
      finding.message,
      'Backend "plain" (chosen in API orders) has no circuit breaker rules: add a circuitBreaker rule to the backend so the gateway stops calling it while it keeps failing.',
    );
  });

  test('a pool names its members without rules; members unknown to the workspace say nothing', () => {
    const workspace = new MemoryWorkspace({
      ...BACKENDS,
      'apis/orders/apiInformation.json': API_INFO,
      'apis/orders/policy.xml': policy('    <set-backend-service backend-id="pool" />\n'),
    });
    const [finding] = workspace.findingsOf('circuit-breaker-missing', 'apis/orders/policy.xml');
    assert.equal(
      finding?.message,
      'Pool "pool" (chosen in API orders) has members without circuit breaker rules ("plain"): add circuitBreaker rules to them so a failing member is taken out of rotation.',
    );
  });

  test('silent for protected backends and pools, unknown ids, expressions and base-url', () => {
    for (const inbound of [
      '    <set-backend-service backend-id="guarded" />\n',
      '    <set-backend-service backend-id="safe-pool" />\n',
      '    <set-backend-service backend-id="not-in-workspace" />\n',
      '    <set-backend-service backend-id="@(&quot;plain&quot;)" />\n',
      '    <set-backend-service backend-id="plain" />\n    <set-backend-service base-url="https://other.example" />\n',
    ]) {
      const workspace = new MemoryWorkspace({ ...BACKENDS, 'apis/orders/apiInformation.json': API_INFO, 'apis/orders/policy.xml': policy(inbound) });
      assert.deepEqual(workspace.findingsOf('circuit-breaker-missing', 'apis/orders/policy.xml'), [], inbound);
    }
  });

  test('a backend chosen in a parent scope is reported at inbound, once per API, naming where it is chosen and which chains', () => {
    const files = {
      ...BACKENDS,
      'products/gold/productInformation.json': '{}',
      'products/gold/policy.xml': policy('    <set-backend-service backend-id="plain" />\n'),
      'products/gold/apis/orders/productApiInformation.json': '{}',
      'apis/orders/apiInformation.json': JSON.stringify({ properties: { displayName: 'Orders', path: 'orders', subscriptionRequired: false } }),
      'apis/orders/policy.xml': policy(''),
      'apis/orders/operations/get/policy.xml': policy(''),
    };
    const workspace = new MemoryWorkspace(files);
    const [finding] = workspace.findingsOf('circuit-breaker-missing', 'apis/orders/policy.xml');
    assert.equal(files['apis/orders/policy.xml'].slice(finding.span.start, finding.span.end), 'inbound');
    assert.equal(
      finding.message,
      'Backend "plain" (chosen in product gold) has no circuit breaker rules: add a circuitBreaker rule to the backend so the gateway stops calling it while it keeps failing.',
    );
    assert.deepEqual(workspace.findingsOf('circuit-breaker-missing', 'apis/orders/operations/get/policy.xml'), []);
  });

  test('a backend chosen in global but replaced on one chain names the chains that still reach it', () => {
    const workspace = new MemoryWorkspace({
      ...BACKENDS,
      'policy.xml': policy('    <set-backend-service backend-id="plain" />\n'),
      'products/gold/productInformation.json': '{}',
      'products/gold/policy.xml': policy('    <set-backend-service base-url="https://gold.example" />\n'),
      'products/gold/apis/orders/productApiInformation.json': '{}',
      'apis/orders/apiInformation.json': JSON.stringify({ properties: { displayName: 'Orders', path: 'orders', subscriptionRequired: false } }),
      'apis/orders/policy.xml': policy(''),
    });
    assert.equal(
      workspace.findingsOf('circuit-breaker-missing', 'apis/orders/policy.xml')[0]?.message,
      'Backend "plain" (chosen in global, for calls that reach the API without a product subscription) has no circuit breaker rules: add a circuitBreaker rule to the backend so the gateway stops calling it while it keeps failing.',
    );
  });

  test('a loose document knows no backends and stays silent', () => {
    assert.deepEqual(looseFindings('circuit-breaker-missing', policy('    <set-backend-service backend-id="plain" />\n')), []);
  });
});
