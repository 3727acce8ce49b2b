import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { looseFindings, MemoryWorkspace } from '../../../testing/memoryWorkspace';
import { parsePolicy } from '../../policy/policyParser';

const RULE = 'concurrency-limit-missing';

function policy(backend: string): string {
  return `<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n${backend}  </backend>\n  <outbound>\n    <base />\n  </outbound>\n</policies>\n`;
}

const STREAMED = '    <forward-request timeout="60" buffer-response="false" />\n';

describe('concurrency-limit-missing', () => {
  test('a streamed forward-request without limit-concurrency is reported on the element', () => {
    const text = policy(STREAMED);
    const [finding, ...rest] = looseFindings(RULE, text);
    assert.deepEqual(rest, []);
    assert.equal(finding.severity, 'info');
    assert.equal(text.slice(finding.span.start, finding.span.end), 'forward-request');
    assert.equal(
      finding.message,
      'The forward-request in this document streams the response (buffer-response="false"), but nothing caps how many such calls run at once: wrap it in limit-concurrency.',
    );
  });

  test('an explicit timeout of 120 seconds or more is a long-held call; shorter or default timeouts are not', () => {
    assert.match(looseFindings(RULE, policy('    <forward-request timeout="180" />\n'))[0]?.message ?? '', /may wait 180 seconds for the backend/);
    assert.match(looseFindings(RULE, policy('    <forward-request timeout-ms="120000" />\n'))[0]?.message ?? '', /may wait 120 seconds/);
    assert.deepEqual(looseFindings(RULE, policy('    <forward-request timeout="119" />\n')), []);
    assert.deepEqual(looseFindings(RULE, policy('    <forward-request />\n')), []);
    assert.deepEqual(looseFindings(RULE, policy('    <forward-request timeout="{{backend-timeout}}" buffer-response="@(false)" />\n')), []);
  });

  test('a limit-concurrency around the call, directly or around a retry, keeps it quiet', () => {
    assert.deepEqual(
      looseFindings(
        RULE,
        policy(
          `    <limit-concurrency key="backend" max-count="20">\n      <retry condition="@(context.Response.StatusCode == 429)" count="2" interval="1">\n  ${STREAMED}      </retry>\n    </limit-concurrency>\n`,
        ),
      ),
      [],
    );
  });

  test('the fix wraps the call in limit-concurrency, one step deeper, and the finding goes away', () => {
    const text = policy(STREAMED);
    const [finding] = looseFindings(RULE, text);
    const fixed = applyFix(text, finding.fixes[0]);
    assert.equal(
      fixed,
      policy(
        '    <limit-concurrency key="@(context.Api.Id)" max-count="50">\n      <forward-request timeout="60" buffer-response="false" />\n    </limit-concurrency>\n',
      ),
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(looseFindings(RULE, fixed), []);
    assert.equal(finding.fixes[0].isPreferred, false);
  });

  test('a call in the global policy is reported once, on each API, without a fix', () => {
    const workspace = new MemoryWorkspace({
      'policy.xml': `<policies>\n  <inbound />\n  <backend>\n${STREAMED}  </backend>\n  <outbound />\n</policies>\n`,
      'apis/chat/apiInformation.json': JSON.stringify({ properties: { subscriptionRequired: false } }),
      'apis/chat/policy.xml': policy('    <base />\n'),
      'apis/chat/operations/complete/policy.xml': policy('    <base />\n'),
    });
    const [finding, ...rest] = workspace.findingsOf(RULE, 'apis/chat/policy.xml');
    assert.deepEqual(rest, []);
    assert.match(finding.message, /^The forward-request in global streams the response/);
    assert.equal(policy('    <base />\n').slice(finding.span.start, finding.span.end), 'backend');
    assert.deepEqual(finding.fixes, []);
    assert.deepEqual(workspace.findingsOf(RULE, 'apis/chat/operations/complete/policy.xml'), []);
  });
});
