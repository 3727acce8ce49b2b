import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { forwardRequestMissing } from './forward-request-missing';

describe('forward-request-missing', () => {
  test('reports a backend with neither <base /> nor forward-request, with non-preferred fixes', () => {
    const { text, findings } = expectFindingsAt(
      forwardRequestMissing,
      '<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <⟦backend⟧>\n    <set-header name="x" exists-action="delete" />\n  </backend>\n</policies>',
      { scope: 'api' },
    );
    assert.equal(
      findings[0].message,
      'This backend section has neither <base /> nor forward-request, so requests never reach the backend; add <base /> (or forward-request).',
    );
    assert.deepEqual(
      findings[0].fixes.map((fix) => [fix.title, fix.isPreferred]),
      [
        ['Insert <base /> to inherit forwarding', false],
        ['Insert <forward-request />', false],
      ],
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.equal(
      fixed,
      '<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n    <base />\n    <set-header name="x" exists-action="delete" />\n  </backend>\n</policies>',
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(runRule(forwardRequestMissing, fixed, { scope: 'api' }), []);
  });

  test('at global scope, <base /> does not forward and only forward-request is offered', () => {
    const { text, findings } = expectFindingsAt(forwardRequestMissing, '<policies>\n  <⟦backend⟧>\n    <base />\n  </backend>\n</policies>', {
      scope: 'global',
    });
    assert.equal(findings[0].message, 'This backend section never calls forward-request, so no request reaches any backend; add <forward-request />.');
    assert.deepEqual(
      findings[0].fixes.map((fix) => fix.title),
      ['Insert <forward-request />'],
    );
    assert.equal(applyFix(text, findings[0].fixes[0]), '<policies>\n  <backend>\n    <forward-request />\n    <base />\n  </backend>\n</policies>');
  });

  test('a global policy without a backend section is reported on the root, and the fix adds one before outbound', () => {
    const { text, findings } = expectFindingsAt(forwardRequestMissing, '<⟦policies⟧>\n  <inbound />\n  <outbound />\n</policies>', { scope: 'global' });
    assert.equal(
      findings[0].message,
      'This global policy has no <backend> section, so no request reaches any backend; add <backend> with <forward-request />.',
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.equal(fixed, '<policies>\n  <inbound />\n  <backend>\n    <forward-request />\n  </backend>\n  <outbound />\n</policies>');
    assert.deepEqual(runRule(forwardRequestMissing, fixed, { scope: 'global' }), []);
  });

  test('an empty self-closing backend of unknown scope is reported too', () => {
    expectFindingsAt(forwardRequestMissing, '<policies><inbound><base /></inbound><⟦backend⟧ /></policies>');
  });

  test('silent when the document forwards, answers from the gateway, or may forward through a fragment', () => {
    const cases = [
      '<policies><backend><base /></backend></policies>',
      '<policies><backend><retry condition="@(false)" count="1" interval="1"><forward-request /></retry></backend></policies>',
      '<policies><backend><send-request response-variable-name="r"><set-url>https://x.example.com</set-url><set-method>GET</set-method></send-request><return-response response-variable-name="r" /></backend></policies>',
      '<policies><inbound><choose><when condition="@(true)"><mock-response status-code="200" /></when></choose></inbound><backend /></policies>',
      '<policies><inbound><return-response><set-status code="204" /></return-response></inbound><backend /></policies>',
      '<policies><backend /><outbound><set-status code="200" /><set-body>ok</set-body></outbound></policies>',
      '<policies><backend><include-fragment fragment-id="forward-with-retry" /></backend></policies>',
      '<policies><inbound><base /></inbound></policies>',
      '<fragment><set-header name="x" exists-action="delete" /></fragment>',
    ];
    for (const text of cases) expectNoFindings(forwardRequestMissing, text);
  });
});
