import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { hardcodedEnvironmentValue } from './hardcoded-environment-value';

describe('hardcoded-environment-value', () => {
  test('reports Azure resource hosts, environment names and IP addresses on the host', () => {
    const { findings } = expectFindingsAt(
      hardcodedEnvironmentValue,
      `<policies>
  <inbound>
    <set-backend-service base-url="https://⟦non-prod-logicapp01.azurewebsites.net⟧:443" />
    <send-request mode="new" response-variable-name="r"><set-url>https://⟦api.uat.contoso.com⟧/orders</set-url></send-request>
    <set-backend-service base-url="http://⟦20.80.102.74⟧/mcp" />
  </inbound>
</policies>`,
    );
    assert.equal(
      findings[0].message,
      "The base-url on <set-backend-service> names the host 'non-prod-logicapp01.azurewebsites.net', an Azure resource name (*.azurewebsites.net); move it to a named value set per environment.",
    );
    assert.match(findings[1].message, /an environment name \('uat'\)/);
    assert.match(findings[2].message, /an IP address/);
  });

  test('the fix replaces scheme, host and port with a named value named after the host', () => {
    const { text, findings } = expectFindingsAt(
      hardcodedEnvironmentValue,
      '<policies><inbound><set-backend-service base-url="https://⟦orders-dev.azurewebsites.net⟧:443/api" /></inbound></policies>',
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.equal(fixed, '<policies><inbound><set-backend-service base-url="{{orders-url}}/api" /></inbound></policies>');
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(runRule(hardcodedEnvironmentValue, fixed), []);
  });

  test('silent for shared public hosts, loopback, sample placeholders, named values and expressions', () => {
    expectNoFindings(
      hardcodedEnvironmentValue,
      `<policies>
  <inbound>
    <set-backend-service base-url="https://echoapi.cloudapp.net/api" />
    <set-backend-service base-url="http://localhost:3500/v1.0/invoke/orders" />
    <send-request mode="new" response-variable-name="r"><set-url>https://login.microsoftonline.com/{{tenant}}/oauth2/v2.0/token</set-url></send-request>
    <send-request mode="new" response-variable-name="r"><set-url>https://{database-account}.documents.azure.com/dbs</set-url></send-request>
    <set-backend-service base-url="wss://REPLACE.openai.azure.com/openai/realtime" />
    <set-backend-service base-url="{{orders-url}}" />
    <set-backend-service base-url="https://{{orders-host}}.azurewebsites.net" />
    <set-backend-service base-url='@("https://orders-dev.azurewebsites.net")' />
  </inbound>
</policies>`,
    );
  });
});
