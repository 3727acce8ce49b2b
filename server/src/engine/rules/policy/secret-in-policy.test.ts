import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { secretInPolicy } from './secret-in-policy';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('secret-in-policy', () => {
  test('reports a literal basic password, with a fix to a named value that leaves a clean document', () => {
    const { text, findings } = expectFindingsAt(
      secretInPolicy,
      '<policies>\n  <inbound>\n    <authentication-basic username="svc-orders" password="⟦S3cr3t!Passw0rd⟧" />\n  </inbound>\n</policies>',
    );
    assert.equal(
      findings[0].message,
      "The password on <authentication-basic> is written into the policy as plain text; move it to a secret named value (ideally backed by Key Vault) such as 'backend-basic-password' and reference it as {{backend-basic-password}}.",
    );
    assert.equal(findings[0].fixes[0].isPreferred, false);
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.equal(
      fixed,
      '<policies>\n  <inbound>\n    <authentication-basic username="svc-orders" password="{{backend-basic-password}}" />\n  </inbound>\n</policies>',
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(runRule(secretInPolicy, fixed), []);
  });

  test('reports Authorization credentials after the scheme, and key-named headers, query parameters and variables', () => {
    const { text, findings } = expectFindingsAt(
      secretInPolicy,
      `<policies>
  <inbound>
    <set-header name="Authorization" exists-action="override"><value>Basic ⟦dXNlcjpwYXNzd29yZA==⟧</value></set-header>
    <set-header name="Ocp-Apim-Subscription-Key" exists-action="override"><value>⟦3f9c2a7b41d84e6fa0b2c5d7e9f1a3b4⟧</value></set-header>
    <set-query-parameter name="code" exists-action="override"><value>⟦I4o6k1DyOjxTOxSTL8Exb2hKEKFFizv8pqIG4yKeU6PDAzFu-SyQ_g==⟧</value></set-query-parameter>
    <set-variable name="partnerApiKey" value="⟦q8Zr2LmX7pWv4NcT9bYh3KsD⟧" />
  </inbound>
</policies>`,
    );
    assert.equal(applyFix(text, findings[0].fixes[0]).includes('<value>Basic {{backend-basic-credentials}}</value>'), true);
    assert.equal(applyFix(text, findings[1].fixes[0]).includes('<value>{{ocp-apim-subscription-key}}</value>'), true);
    assert.equal(applyFix(text, findings[2].fixes[0]).includes('<value>{{code-secret}}</value>'), true);
    assert.equal(applyFix(text, findings[3].fixes[0]).includes('value="{{partner-api-key}}"'), true);
  });

  test('reports secrets recognisable by shape: SAS signatures, connection string keys, JWTs, JSON and form credentials', () => {
    expectFindingsAt(
      secretInPolicy,
      `<policies>
  <inbound>
    <rewrite-uri template="@(&quot;/invoke?api-version=2022-05-01&amp;sv=1.0&amp;sig=⟦FXTN7garJSJYwQqUzN9lseYQkCy3OW0KoqepaeeLBDE⟧&quot;)" />
    <set-variable name="conn" value="DefaultEndpointsProtocol=https;AccountName=orders;AccountKey=⟦c2VjcmV0a2V5Zm9yc3RvcmFnZWFjY291bnQ0Mg==⟧;EndpointSuffix=core.windows.net" />
    <set-header name="X-Debug" exists-action="override"><value>${`⟦${JWT}⟧`}</value></set-header>
    <send-request mode="new" response-variable-name="token">
      <set-url>https://login.microsoftonline.com/contoso/oauth2/v2.0/token</set-url>
      <set-method>POST</set-method>
      <set-body>grant_type=client_credentials&amp;client_id=abc&amp;client_secret=⟦Zx8~Qp2.Lm5Rt7Vw⟧</set-body>
    </send-request>
    <set-body>{"password": "⟦hunter2hunter2⟧"}</set-body>
  </inbound>
</policies>`,
    );
  });

  test('a certificate body is reported without a named value fix', () => {
    const body = 'MIIKQQIBAzCCCgcGCSqGSIb3DQEHAaCCCfgEggn0MIIJ8DCCBKcGCSqGSIb3DQEHBqCCBJgwggSUAgEAMIIEjQYJKoZIhvcNAQcB';
    const { findings } = expectFindingsAt(secretInPolicy, `<policies><inbound><authentication-certificate body="⟦${body}⟧" /></inbound></policies>`);
    assert.deepEqual(findings[0].fixes, []);
    assert.match(findings[0].message, /reference it with certificate-id\.$/);
  });

  test('a symmetric key written into validate-jwt is reported', () => {
    expectFindingsAt(
      secretInPolicy,
      '<policies><inbound><validate-jwt header-name="Authorization"><issuer-signing-keys><key>⟦c2lnbmluZ2tleWZvcnRoZWFwaTEyMw==⟧</key></issuer-signing-keys></validate-jwt></inbound></policies>',
    );
  });

  test('silent for named values, expressions, placeholders, non-secret names and low-entropy values', () => {
    expectNoFindings(
      secretInPolicy,
      `<policies>
  <inbound>
    <authentication-basic username="u" password="{{backend-password}}" />
    <authentication-certificate certificate-id="backend-cert" />
    <set-header name="Authorization" exists-action="override"><value>@("Bearer " + (string)context.Variables["token"])</value></set-header>
    <set-header name="Authorization" exists-action="override"><value>Basic {{basic-credentials}}</value></set-header>
    <set-header name="Ocp-Apim-Subscription-Key" exists-action="override"><value>@(context.Subscription.Key)</value></set-header>
    <set-header name="api-key" exists-action="override"><value>your-api-key-here-123456</value></set-header>
    <set-header name="Idempotency-Key" exists-action="override"><value>3f9c2a7b41d84e6fa0b2c5d7e9f1a3b4</value></set-header>
    <set-variable name="cacheKey" value="orders-list-v2-3f9c2a7b41d84e6f" />
    <cache-lookup-value key="mysecret" variable-name="secret" />
    <set-query-parameter name="sig" exists-action="override"><value>{{orders-sig}}</value></set-query-parameter>
    <rewrite-uri template="/invoke?sig={{logic-app-sig}}&amp;sv=1.0" />
    <set-header name="WWW-Authenticate" exists-action="override"><value>Bearer error="invalid_token"</value></set-header>
    <set-body>grant_type=client_credentials&amp;client_secret={{client-secret}}</set-body>
    <set-variable name="apiKey" value="aaaaaaaaaaaaaaaaaaaaaaaa" />
  </inbound>
</policies>`,
    );
  });
});
