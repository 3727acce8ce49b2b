import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { looseFindings, MemoryWorkspace } from '../../../testing/memoryWorkspace';
import { parsePolicy } from '../../policy/policyParser';

const RULE = 'token-limit-missing';
const SECTIONS_WITH_BASE = '  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n';
const TOKEN_LIMIT = '    <llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="5000" estimate-prompt-tokens="false" />\n';

function policy(inbound: string): string {
  return `<policies>\n  <inbound>\n    <base />\n${inbound}  </inbound>\n${SECTIONS_WITH_BASE}</policies>\n`;
}

const CHAT_INFO = JSON.stringify({
  properties: { displayName: 'Chat', path: 'chat', subscriptionRequired: true, serviceUrl: 'https://contoso.openai.azure.com/openai' },
});
const ORDERS_INFO = JSON.stringify({
  properties: { displayName: 'Orders', path: 'orders', subscriptionRequired: true, serviceUrl: 'https://orders.contoso.com' },
});

function tree(apiInfo: string, apiPolicy: string, productPolicy = policy('')): MemoryWorkspace {
  return new MemoryWorkspace({
    'policy.xml': '<policies>\n  <inbound />\n  <backend>\n    <forward-request />\n  </backend>\n  <outbound />\n</policies>\n',
    'products/gold/productInformation.json': '{}',
    'products/gold/policy.xml': productPolicy,
    'products/gold/apis/chat/productApiInformation.json': '{}',
    'apis/chat/apiInformation.json': apiInfo,
    'apis/chat/policy.xml': apiPolicy,
  });
}

describe('token-limit-missing', () => {
  test('an API the workspace recognises as a model API, without a token limit, is reported as a warning', () => {
    const text = policy('    <rate-limit calls="100" renewal-period="60" />\n');
    const findings = tree(CHAT_INFO, text).findingsOf(RULE, 'apis/chat/policy.xml');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(text.slice(findings[0].span.start, findings[0].span.end), 'inbound');
    assert.equal(
      findings[0].message,
      'This looks like a generative-AI API (service URL host contoso.openai.azure.com) but no token limit runs via product gold: add llm-token-limit to inbound.',
    );
  });

  test('a token limit on the product or the API covers the chain', () => {
    assert.deepEqual(tree(CHAT_INFO, policy(''), policy(TOKEN_LIMIT)).findingsOf(RULE, 'apis/chat/policy.xml'), []);
    assert.deepEqual(
      tree(
        CHAT_INFO,
        policy('    <azure-openai-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="5000" estimate-prompt-tokens="true" />\n'),
      ).findingsOf(RULE, 'apis/chat/policy.xml'),
      [],
    );
  });

  test('ordinary APIs are left alone; AI policies on the chain are evidence enough', () => {
    assert.deepEqual(tree(ORDERS_INFO, policy('')).findingsOf(RULE, 'apis/chat/policy.xml'), []);
    const metric = policy('    <llm-emit-token-metric>\n      <dimension name="API ID" />\n    </llm-emit-token-metric>\n');
    assert.match(tree(ORDERS_INFO, metric).findingsOf(RULE, 'apis/chat/policy.xml')[0]?.message ?? '', /\(policy llm-emit-token-metric\)/);
  });

  test('realtime (WebSocket) model APIs and mocked model APIs are left alone', () => {
    assert.deepEqual(looseFindings(RULE, policy('    <set-backend-service base-url="wss://x.openai.azure.com/openai/realtime" />\n')), []);
    const websocketInfo = JSON.stringify({ properties: { type: 'websocket', serviceUrl: 'wss://x.openai.azure.com/openai/realtime' } });
    assert.deepEqual(tree(websocketInfo, policy('')).findingsOf(RULE, 'apis/chat/policy.xml'), []);
    assert.deepEqual(
      looseFindings(RULE, policy('    <llm-content-safety backend-id="safety" />\n    <return-response><set-status code="200" /></return-response>\n')),
      [],
    );
  });

  test('a token limit in only some branches is partial', () => {
    const text = policy(`    <choose>\n      <when condition="@(context.Subscription != null)">\n  ${TOKEN_LIMIT}      </when>\n    </choose>\n`);
    assert.equal(
      tree(CHAT_INFO, text).findingsOf(RULE, 'apis/chat/policy.xml')[0]?.message,
      'A token limit runs only in some branches via product gold: make sure every model call is counted.',
    );
  });

  test('a loose document is reported as a hint, and the fix inserts llm-token-limit after <base />', () => {
    const text = policy('    <set-backend-service base-url="https://x.openai.azure.com/openai" />\n');
    const [finding] = looseFindings(RULE, text);
    assert.equal(finding.severity, 'hint');
    assert.equal(
      finding.message,
      'This looks like a generative-AI API (backend URL https://x.openai.azure.com/openai) but no token limit runs for this document (APIM Studio cannot see all the parent scopes, which may add one): add llm-token-limit to inbound.',
    );
    const fixed = applyFix(text, finding.fixes[0]);
    assert.equal(
      fixed,
      policy(
        '    <llm-token-limit counter-key="@(context.Subscription?.Id ?? context.Request.IpAddress)" tokens-per-minute="10000" estimate-prompt-tokens="false" />\n' +
          '    <set-backend-service base-url="https://x.openai.azure.com/openai" />\n',
      ),
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(looseFindings(RULE, fixed), []);
  });
});
