import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectFindingsAt, expectNoFindings } from '../../../testing/ruleTester';
import { tracingEnabled } from './tracing-enabled';

describe('tracing-enabled', () => {
  test('reports every trace policy on its name', () => {
    expectFindingsAt(
      tracingEnabled,
      `<policies>
  <inbound>
    <base />
    <⟦trace⟧ source="orders" severity="verbose">
      <message>@(context.Request.Url.ToString())</message>
    </trace>
  </inbound>
  <on-error>
    <choose><when condition="@(true)"><⟦trace⟧ source="x"><message>m</message></trace></when></choose>
  </on-error>
</policies>`,
    );
  });

  test('the fix removes the whole trace element and its line', () => {
    const { text, findings } = expectFindingsAt(
      tracingEnabled,
      '<policies>\n  <inbound>\n    <base />\n    <⟦trace⟧ source="a">\n      <message>m</message>\n    </trace>\n  </inbound>\n</policies>',
    );
    assert.equal(applyFix(text, findings[0].fixes[0]), '<policies>\n  <inbound>\n    <base />\n  </inbound>\n</policies>');
  });

  test('silent without trace, and outside production', () => {
    expectNoFindings(tracingEnabled, '<policies><inbound><base /><set-header name="a"><value>b</value></set-header></inbound></policies>');
    expectNoFindings(tracingEnabled, '<policies><inbound><trace source="a"><message>m</message></trace></inbound></policies>', { environment: 'nonproduction' });
  });
});
