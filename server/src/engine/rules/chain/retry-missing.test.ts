import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { looseFindings, MemoryWorkspace } from '../../../testing/memoryWorkspace';
import { parsePolicy } from '../../policy/policyParser';

const API_INFO = JSON.stringify({ properties: { displayName: 'Orders', path: 'orders', subscriptionRequired: true } });

function policy(backend: string, inbound = ''): string {
  return `<policies>\n  <inbound>\n    <base />\n${inbound}  </inbound>\n  <backend>\n${backend}  </backend>\n  <outbound>\n    <base />\n  </outbound>\n</policies>\n`;
}

const INHERITS = policy('    <base />\n');
const RETRY = '    <retry condition="@(context.Response.StatusCode == 503)" count="3" interval="1">\n      <forward-request />\n    </retry>\n';

describe('retry-missing', () => {
  test('a forward-request inherited from global without a retry is reported on the API, once, without a fix', () => {
    const files = {
      'policy.xml': '<policies><inbound /><backend><forward-request timeout="30" /></backend><outbound /><on-error /></policies>',
      'apis/orders/apiInformation.json': API_INFO,
      'apis/orders/policy.xml': INHERITS,
      'apis/orders/operations/get/policy.xml': INHERITS,
    };
    const workspace = new MemoryWorkspace(files);
    const [finding, ...rest] = workspace.findingsOf('retry-missing', 'apis/orders/policy.xml');
    assert.deepEqual(rest, []);
    assert.equal(finding.severity, 'info');
    assert.equal(
      finding.message,
      'The forward-request from global has no retry around it (for calls that reach the API without a product subscription): wrap it in retry for transient failures such as 429 or 503, with buffer-request-body="true" so the body can be sent again; retry other failures only for idempotent methods.',
    );
    const text = files['apis/orders/policy.xml'];
    assert.equal(text.slice(finding.span.start, finding.span.end), 'backend');
    assert.deepEqual(finding.fixes, [], 'the forward-request is written in the global policy, not here');
    assert.deepEqual(workspace.findingsOf('retry-missing', 'apis/orders/operations/get/policy.xml'), []);
  });

  test('silent when the forward-request runs inside a retry, when nothing forwards, or when inbound always answers', () => {
    for (const text of [
      policy(RETRY),
      policy('    <base />\n'),
      policy('    <forward-request />\n', '    <mock-response status-code="200" content-type="application/json" />\n'),
    ]) {
      assert.deepEqual(looseFindings('retry-missing', text), []);
    }
  });

  test('a retry in the parent does not cover a forward-request this document adds outside it', () => {
    const workspace = new MemoryWorkspace({
      'policy.xml': `<policies><inbound /><backend>${RETRY}</backend></policies>`,
      'apis/orders/apiInformation.json': API_INFO,
      'apis/orders/policy.xml': policy('    <forward-request timeout="20" />\n'),
    });
    const [finding] = workspace.findingsOf('retry-missing', 'apis/orders/policy.xml');
    assert.equal(
      finding?.message,
      'The forward-request from API orders has no retry around it (for calls that reach the API without a product subscription): wrap it in retry for transient failures such as 429 or 503, with buffer-request-body="true" so the body can be sent again; retry other failures only for idempotent methods.',
    );
    assert.deepEqual(
      new MemoryWorkspace({
        'policy.xml': `<policies><backend>${RETRY}</backend></policies>`,
        'apis/orders/apiInformation.json': API_INFO,
        'apis/orders/policy.xml': INHERITS,
      }).findingsOf('retry-missing', 'apis/orders/policy.xml'),
      [],
    );
  });

  test('WebSocket APIs are not reported', () => {
    const workspace = new MemoryWorkspace({
      'apis/chat/apiInformation.json': JSON.stringify({ properties: { displayName: 'Chat', path: 'chat', type: 'websocket', subscriptionRequired: true } }),
      'apis/chat/policy.xml': policy('    <forward-request />\n'),
    });
    assert.deepEqual(workspace.findingsOf('retry-missing', 'apis/chat/policy.xml'), []);
  });

  test("the fix wraps this document's forward-request in a retry on 429 and 503 and buffers the body", () => {
    const text = policy('    <forward-request timeout="20" />\n');
    const [finding] = looseFindings('retry-missing', text);
    assert.equal(text.slice(finding.span.start, finding.span.end), 'forward-request');
    assert.equal(
      finding.message,
      'The forward-request from this document has no retry around it as far as APIM Studio can see (it cannot see the parent scopes): wrap it in retry for transient failures such as 429 or 503, with buffer-request-body="true" so the body can be sent again; retry other failures only for idempotent methods.',
    );
    assert.equal(finding.fixes[0].isPreferred, false);
    const fixed = applyFix(text, finding.fixes[0]);
    assert.equal(
      fixed,
      policy(
        '    <retry condition="@(context.Response.StatusCode == 429 || context.Response.StatusCode == 503)" count="3" interval="1" delta="1" first-fast-retry="false">\n' +
          '      <forward-request buffer-request-body="true" timeout="20" />\n    </retry>\n',
      ),
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(looseFindings('retry-missing', fixed), []);
    for (const rule of ['retry-non-idempotent', 'retry-unbounded']) assert.deepEqual(looseFindings(rule, fixed), [], `${rule} accepts the inserted retry`);
  });

  test('the fix keeps an explicit buffer-request-body and CRLF line breaks', () => {
    const text = policy('    <forward-request buffer-request-body="true" />\n').replace(/\n/g, '\r\n');
    const [finding] = looseFindings('retry-missing', text);
    const fixed = applyFix(text, finding.fixes[0]);
    assert.ok(fixed.includes('first-fast-retry="false">\r\n      <forward-request buffer-request-body="true" />\r\n    </retry>\r\n'));
  });
});
