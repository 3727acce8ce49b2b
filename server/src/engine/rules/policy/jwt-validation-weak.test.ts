import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { jwtValidationWeak } from './jwt-validation-weak';

const OPENID = '<openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />';

describe('jwt-validation-weak', () => {
  test('reports switched-off expiry and signature checks on their values, and a missing audience list on the name', () => {
    const { findings } = expectFindingsAt(
      jwtValidationWeak,
      `<policies>
  <inbound>
    <⟦validate-jwt⟧ header-name="Authorization" require-expiration-time="⟦false⟧" require-signed-tokens="⟦False⟧">
      ${OPENID}
    </validate-jwt>
  </inbound>
</policies>`,
    );
    assert.equal(
      findings[0].message,
      'This <validate-jwt> has no <audiences>, so it accepts tokens for any audience that its keys validate; list the expected values.',
    );
    assert.equal(
      findings[1].message,
      'require-expiration-time="false" on <validate-jwt> accepts tokens that never expire; remove the attribute so the default (true) applies.',
    );
  });

  test('without an OpenID configuration, a missing issuer list is reported too', () => {
    const { findings } = expectFindingsAt(
      jwtValidationWeak,
      '<policies><inbound><⟦validate-jwt⟧ header-name="Authorization"><issuer-signing-keys><key>{{signing-key}}</key></issuer-signing-keys></validate-jwt></inbound></policies>',
    );
    assert.match(findings[0].message, /no <audiences> or <issuers>, so it accepts tokens for any audience and any issuer/);
  });

  test('reports an OpenID configuration loaded over http, and the fix switches it to https', () => {
    const { text, findings } = expectFindingsAt(
      jwtValidationWeak,
      '<policies><inbound><validate-jwt header-name="Authorization"><openid-config url="⟦http://idp.contoso.com/.well-known/openid-configuration⟧" /><audiences><audience>api://orders</audience></audiences></validate-jwt></inbound></policies>',
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.ok(fixed.includes('url="https://idp.contoso.com/.well-known/openid-configuration"'));
    assert.deepEqual(runRule(jwtValidationWeak, fixed), []);
  });

  test('the fix for a weakening flag removes the attribute', () => {
    const { text, findings } = expectFindingsAt(
      jwtValidationWeak,
      `<policies><inbound><validate-jwt header-name="Authorization" require-signed-tokens="⟦false⟧">${OPENID}<audiences><audience>api://orders</audience></audiences></validate-jwt></inbound></policies>`,
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.ok(fixed.includes('<validate-jwt header-name="Authorization">'));
    assert.deepEqual(runRule(jwtValidationWeak, fixed), []);
  });

  test('the fix for missing lists inserts them after the keys, indented, with placeholder named values', () => {
    const { text, findings } = expectFindingsAt(
      jwtValidationWeak,
      `<policies>
  <inbound>
    <⟦validate-jwt⟧ header-name="Authorization">
      <issuer-signing-keys>
        <key certificate-id="idp-cert" />
      </issuer-signing-keys>
      <required-claims>
        <claim name="roles"><value>reader</value></claim>
      </required-claims>
    </validate-jwt>
  </inbound>
</policies>`,
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.equal(
      fixed,
      `<policies>
  <inbound>
    <validate-jwt header-name="Authorization">
      <issuer-signing-keys>
        <key certificate-id="idp-cert" />
      </issuer-signing-keys>
      <audiences>
        <audience>{{jwt-audience}}</audience>
      </audiences>
      <issuers>
        <issuer>{{jwt-issuer}}</issuer>
      </issuers>
      <required-claims>
        <claim name="roles"><value>reader</value></claim>
      </required-claims>
    </validate-jwt>
  </inbound>
</policies>`,
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(runRule(jwtValidationWeak, fixed), []);
  });

  test('silent for a fully checked token, expressions, aud/iss required claims and validate-azure-ad-token', () => {
    expectNoFindings(
      jwtValidationWeak,
      `<policies><inbound><validate-jwt header-name="Authorization" require-expiration-time="true" require-signed-tokens="@(true)">${OPENID}<audiences><audience>api://orders</audience></audiences></validate-jwt></inbound></policies>`,
    );
    expectNoFindings(
      jwtValidationWeak,
      '<policies><inbound><validate-jwt header-name="Authorization"><issuer-signing-keys><key>{{k}}</key></issuer-signing-keys><required-claims><claim name="aud"><value>a</value></claim><claim name="iss"><value>b</value></claim></required-claims></validate-jwt></inbound></policies>',
    );
    expectNoFindings(
      jwtValidationWeak,
      '<policies><inbound><validate-azure-ad-token tenant-id="{{tenant}}"><client-application-ids><application-id>{{client}}</application-id></client-application-ids></validate-azure-ad-token></inbound></policies>',
    );
  });

  test('multi-tenant metadata without an issuer or tid check accepts any tenant; the fix adds <issuers>', () => {
    const { text, findings } = expectFindingsAt(
      jwtValidationWeak,
      '<policies><inbound><validate-jwt header-name="Authorization"><openid-config url="⟦https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration⟧" /><audiences><audience>api://orders</audience></audiences></validate-jwt></inbound></policies>',
    );
    assert.match(findings[0].message, /multi-tenant metadata \(\/organizations\/\), which pins no issuer/);
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.ok(fixed.includes('<issuer>{{jwt-issuer}}</issuer>'));
    assert.deepEqual(runRule(jwtValidationWeak, fixed), []);
  });

  test('multi-tenant metadata is fine with issuers or a required tid claim; a tenant URL or an expression is not judged', () => {
    const common = '<openid-config url="https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration" />';
    const audiences = '<audiences><audience>api://orders</audience></audiences>';
    expectNoFindings(
      jwtValidationWeak,
      `<policies><inbound><validate-jwt header-name="Authorization">${common}${audiences}<issuers><issuer>https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0</issuer></issuers></validate-jwt></inbound></policies>`,
    );
    expectNoFindings(
      jwtValidationWeak,
      `<policies><inbound><validate-jwt header-name="Authorization">${common}${audiences}<required-claims><claim name="tid" match="any"><value>72f988bf-86f1-41af-91ab-2d7cd011db47</value></claim></required-claims></validate-jwt></inbound></policies>`,
    );
    expectNoFindings(
      jwtValidationWeak,
      `<policies><inbound><validate-jwt header-name="Authorization">${OPENID}${audiences}</validate-jwt></inbound></policies>`,
    );
    expectNoFindings(
      jwtValidationWeak,
      `<policies><inbound><validate-jwt header-name="Authorization"><openid-config url="{{openid-url}}" />${audiences}</validate-jwt></inbound></policies>`,
    );
  });

  test('validate-azure-ad-token with a multi-tenant tenant-id and no tid claim', () => {
    const clients = '<client-application-ids><application-id>{{client-id}}</application-id></client-application-ids>';
    expectFindingsAt(
      jwtValidationWeak,
      `<policies><inbound><validate-azure-ad-token tenant-id="⟦common⟧">${clients}</validate-azure-ad-token></inbound></policies>`,
    );
    expectNoFindings(
      jwtValidationWeak,
      `<policies><inbound><validate-azure-ad-token tenant-id="organizations">${clients}<required-claims><claim name="tid" match="any"><value>{{tenant}}</value></claim></required-claims></validate-azure-ad-token></inbound></policies>`,
    );
    expectNoFindings(
      jwtValidationWeak,
      `<policies><inbound><validate-azure-ad-token tenant-id="{{aad-tenant-id}}">${clients}</validate-azure-ad-token></inbound></policies>`,
    );
  });
});
