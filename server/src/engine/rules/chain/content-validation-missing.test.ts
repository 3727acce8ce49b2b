import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { looseFindings, MemoryWorkspace } from '../../../testing/memoryWorkspace';
import { parsePolicy } from '../../policy/policyParser';

function policy(inbound: string): string {
  return `<policies>\n  <inbound>\n    <base />\n${inbound}  </inbound>\n  <backend>\n    <base />\n  </backend>\n</policies>\n`;
}

const apiInfo = (type?: string): string =>
  JSON.stringify({ properties: { displayName: 'Orders', path: 'orders', subscriptionRequired: true, ...(type ? { type } : {}) } });
const operationInfo = (method: string): string => JSON.stringify({ properties: { displayName: method, method, urlTemplate: '/x' } });
const VALIDATE = '    <validate-content unspecified-content-type-action="prevent" max-size="1024" size-exceeded-action="prevent" />\n';
const MESSAGE =
  'No request validation runs (for calls that reach the API without a product subscription): add validate-content to inbound so malformed or oversized bodies stop at the gateway.';

/** The rule's findings on `text` as the policy of an HTTP API whose operations are not known. */
function inOrdersApi(text: string) {
  return new MemoryWorkspace({ 'apis/orders/apiInformation.json': apiInfo(), 'apis/orders/policy.xml': text }).findingsOf(
    'content-validation-missing',
    'apis/orders/policy.xml',
  );
}

describe('content-validation-missing', () => {
  test('an API whose operations are not known is reported once, at info level, on the API', () => {
    const files = {
      'apis/orders/apiInformation.json': apiInfo(),
      'apis/orders/policy.xml': policy(''),
      'apis/orders/operations/create/policy.xml': policy(''),
    };
    const workspace = new MemoryWorkspace(files);
    const [finding, ...rest] = workspace.findingsOf('content-validation-missing', 'apis/orders/policy.xml');
    assert.deepEqual(rest, []);
    assert.equal(finding.severity, 'info');
    assert.equal(finding.message, MESSAGE);
    assert.equal(files['apis/orders/policy.xml'].slice(finding.span.start, finding.span.end), 'inbound');
    assert.deepEqual(workspace.findingsOf('content-validation-missing', 'apis/orders/operations/create/policy.xml'), []);
  });

  test('known methods: a POST operation with its own policy is reported there; the API stays silent when only GETs share its policy', () => {
    const files = {
      'apis/orders/apiInformation.json': apiInfo(),
      'apis/orders/policy.xml': policy(''),
      'apis/orders/operations/list/operationInformation.json': operationInfo('GET'),
      'apis/orders/operations/create/operationInformation.json': operationInfo('POST'),
      'apis/orders/operations/create/policy.xml': policy(''),
      'apis/orders/operations/read/operationInformation.json': operationInfo('get'),
      'apis/orders/operations/read/policy.xml': policy(''),
    };
    const workspace = new MemoryWorkspace(files);
    assert.deepEqual(workspace.findingsOf('content-validation-missing', 'apis/orders/policy.xml'), []);
    assert.equal(workspace.findingsOf('content-validation-missing', 'apis/orders/operations/create/policy.xml')[0]?.message, MESSAGE);
    assert.deepEqual(workspace.findingsOf('content-validation-missing', 'apis/orders/operations/read/policy.xml'), []);
    const covered = new MemoryWorkspace({ ...files, 'apis/orders/operations/create/policy.xml': policy(VALIDATE) });
    assert.deepEqual(covered.findingsOf('content-validation-missing', 'apis/orders/operations/create/policy.xml'), []);
  });

  test('a PUT operation without its own policy makes the API report', () => {
    const workspace = new MemoryWorkspace({
      'apis/orders/apiInformation.json': apiInfo(),
      'apis/orders/policy.xml': policy(''),
      'apis/orders/operations/replace/operationInformation.json': operationInfo('PUT'),
    });
    assert.equal(workspace.findingsOf('content-validation-missing', 'apis/orders/policy.xml')[0]?.message, MESSAGE);
  });

  test('GraphQL APIs are told about validate-graphql-request; WebSocket and model APIs are not reported', () => {
    const graphql = new MemoryWorkspace({ 'apis/orders/apiInformation.json': apiInfo('graphql'), 'apis/orders/policy.xml': policy('') });
    assert.equal(
      graphql.findingsOf('content-validation-missing', 'apis/orders/policy.xml')[0]?.message,
      'No request validation runs (for calls that reach the API without a product subscription): add validate-graphql-request to inbound so malformed or oversized bodies stop at the gateway.',
    );
    const validated = new MemoryWorkspace({
      'apis/orders/apiInformation.json': apiInfo('graphql'),
      'apis/orders/policy.xml': policy('    <validate-graphql-request max-size="102400" />\n'),
    });
    assert.deepEqual(validated.findingsOf('content-validation-missing', 'apis/orders/policy.xml'), []);
    const socket = new MemoryWorkspace({ 'apis/orders/apiInformation.json': apiInfo('websocket'), 'apis/orders/policy.xml': policy('') });
    assert.deepEqual(socket.findingsOf('content-validation-missing', 'apis/orders/policy.xml'), []);
    const model = new MemoryWorkspace({
      'apis/chat/apiInformation.json': JSON.stringify({
        properties: { displayName: 'Chat', path: 'chat', serviceUrl: 'https://x.openai.azure.com/openai', subscriptionRequired: true },
      }),
      'apis/chat/policy.xml': policy(''),
    });
    assert.deepEqual(model.findingsOf('content-validation-missing', 'apis/chat/policy.xml'), []);
  });

  test('validation only in outbound, or validate-parameters alone, does not check request bodies', () => {
    const text =
      '<policies>\n  <inbound>\n    <validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent" />\n  </inbound>\n  <outbound>\n    <validate-content unspecified-content-type-action="prevent" max-size="1024" size-exceeded-action="prevent" />\n  </outbound>\n</policies>\n';
    assert.equal(inOrdersApi(text).length, 1);
  });

  test('silent when inbound always answers from the gateway, and for a loose document (its API is unknown)', () => {
    assert.deepEqual(inOrdersApi(policy('    <mock-response status-code="200" content-type="application/json" />\n')), []);
    assert.deepEqual(looseFindings('content-validation-missing', policy('')), []);
  });

  test('a fragment that cannot be read is named as the doubt', () => {
    const [finding] = inOrdersApi(policy('    <include-fragment fragment-id="missing" />\n'));
    assert.equal(
      finding?.message,
      'No request validation runs (for calls that reach the API without a product subscription, unless a policy fragment that cannot be read adds it): add validate-content to inbound so malformed or oversized bodies stop at the gateway.',
    );
  });

  test('the fix inserts validate-content after <base /> and the finding goes away', () => {
    const text = policy('');
    const [finding] = inOrdersApi(text);
    assert.equal(finding.message, MESSAGE);
    assert.equal(finding.fixes[0].isPreferred, false);
    const fixed = applyFix(text, finding.fixes[0]);
    assert.equal(
      fixed,
      policy(
        '    <validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent" errors-variable-name="requestBodyValidation">\n' +
          '      <content type="application/json" validate-as="json" action="prevent" />\n    </validate-content>\n',
      ),
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(inOrdersApi(fixed), []);
    for (const rule of ['validation-not-enforced', 'validate-content-no-max-size']) assert.deepEqual(looseFindings(rule, fixed), [], rule);
  });
});
