import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { looseFindings, MemoryWorkspace } from '../../../testing/memoryWorkspace';
import { parsePolicy } from '../../policy/policyParser';

const OTHER_SECTIONS = '  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n';

function policy(inbound: string): string {
  return `<policies>\n  <inbound>\n    <base />\n${inbound}  </inbound>\n${OTHER_SECTIONS}</policies>\n`;
}

const GLOBAL = '<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>';
const apiInfo = (subscriptionRequired: boolean | undefined): string =>
  JSON.stringify({ properties: { displayName: 'Orders', path: 'orders', ...(subscriptionRequired === undefined ? {} : { subscriptionRequired }) } });
const productInfo = (subscriptionRequired: boolean): string => JSON.stringify({ properties: { displayName: 'P', subscriptionRequired } });
const JWT =
  '    <validate-jwt header-name="Authorization">\n      <openid-config url="https://login.example.com/.well-known/openid-configuration" />\n    </validate-jwt>\n';

describe('auth-missing', () => {
  test('an API without a subscription requirement and no token check is reported on its inbound, naming the path', () => {
    const files = {
      'policy.xml': GLOBAL,
      'apis/orders/apiInformation.json': apiInfo(false),
      'apis/orders/policy.xml': policy('    <set-header name="a" exists-action="delete" />\n'),
    };
    const findings = new MemoryWorkspace(files).findingsOf('auth-missing', 'apis/orders/policy.xml');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(
      findings[0].message,
      'Anyone can call this API without a subscription key (the API does not require a subscription), and no validate-jwt, validate-azure-ad-token or validate-client-certificate runs on that path (for calls that reach the API without a product subscription): authenticate callers in inbound.',
    );
    const text = files['apis/orders/policy.xml'];
    assert.equal(text.slice(findings[0].span.start, findings[0].span.end), 'inbound');
  });

  test('an open product lets keyless calls in through its own chain, even when the API requires a subscription', () => {
    const files = {
      'policy.xml': GLOBAL,
      'products/public/productInformation.json': productInfo(false),
      'products/public/policy.xml': policy(''),
      'products/public/apis/orders/productApiInformation.json': '{}',
      'products/gold/productInformation.json': productInfo(true),
      'products/gold/policy.xml': policy(JWT),
      'products/gold/apis/orders/productApiInformation.json': '{}',
      'apis/orders/apiInformation.json': apiInfo(true),
      'apis/orders/policy.xml': policy(''),
    };
    const [finding] = new MemoryWorkspace(files).findingsOf('auth-missing', 'apis/orders/policy.xml');
    assert.equal(
      finding?.message,
      'Anyone can call this API without a subscription key (product public does not require a subscription), and no validate-jwt, validate-azure-ad-token or validate-client-certificate runs on that path (via product public): authenticate callers in inbound.',
    );
    const covered = { ...files, 'products/public/policy.xml': policy(JWT) };
    assert.deepEqual(new MemoryWorkspace(covered).findingsOf('auth-missing', 'apis/orders/policy.xml'), []);
  });

  test('silent when a subscription is required, or the information file does not say (the APIM default requires one)', () => {
    for (const required of [true, undefined]) {
      const workspace = new MemoryWorkspace({
        'policy.xml': GLOBAL,
        'apis/orders/apiInformation.json': apiInfo(required),
        'apis/orders/policy.xml': policy(''),
      });
      assert.deepEqual(workspace.findingsOf('auth-missing', 'apis/orders/policy.xml'), []);
    }
  });

  test('token validation anywhere on the keyless path counts: global, a fragment, a shared-secret check-header, a 401 gate', () => {
    const open = (apiPolicy: string, global = GLOBAL): Record<string, string> => ({
      'policy.xml': global,
      'policy fragments/auth/policy.xml': `<fragment>\n${JWT}</fragment>\n`,
      'policy fragments/auth/policyFragmentInformation.json': '{}',
      'apis/orders/apiInformation.json': apiInfo(false),
      'apis/orders/policy.xml': apiPolicy,
    });
    const cases = [
      open(policy(''), `<policies><inbound>${JWT}</inbound><backend><forward-request /></backend></policies>`),
      open(policy('    <include-fragment fragment-id="auth" />\n')),
      open(
        policy(
          '    <check-header name="X-Key" failed-check-httpcode="401" failed-check-error-message="No" ignore-case="false">\n      <value>{{key}}</value>\n    </check-header>\n',
        ),
      ),
      open(
        policy(
          '    <choose>\n      <when condition="@(context.Request.Certificate == null)">\n        <return-response>\n          <set-status code="403" reason="Forbidden" />\n        </return-response>\n      </when>\n    </choose>\n',
        ),
      ),
      open(policy('    <mock-response status-code="200" content-type="application/json" />\n')),
    ];
    for (const files of cases) assert.deepEqual(new MemoryWorkspace(files).findingsOf('auth-missing', 'apis/orders/policy.xml'), []);
  });

  test('a presence-only check-header on Authorization does not authenticate', () => {
    const workspace = new MemoryWorkspace({
      'policy.xml': GLOBAL,
      'apis/orders/apiInformation.json': apiInfo(false),
      'apis/orders/policy.xml': policy(
        '    <check-header name="Authorization" failed-check-httpcode="401" failed-check-error-message="No" ignore-case="true" />\n',
      ),
    });
    assert.equal(workspace.findingsOf('auth-missing', 'apis/orders/policy.xml').length, 1);
  });

  test('an operation is reported only when it loses the check the API has; the API report is not repeated', () => {
    const files = {
      'policy.xml': GLOBAL,
      'apis/orders/apiInformation.json': apiInfo(false),
      'apis/orders/policy.xml': policy(JWT),
      'apis/orders/operations/get/policy.xml': policy(''),
      'apis/orders/operations/anon/policy.xml': '<policies>\n  <inbound />\n  <backend>\n    <base />\n  </backend>\n</policies>\n',
      'apis/weather/apiInformation.json': apiInfo(false),
      'apis/weather/policy.xml': policy(''),
      'apis/weather/operations/get/policy.xml': policy(''),
    };
    const workspace = new MemoryWorkspace(files);
    assert.deepEqual(workspace.findingsOf('auth-missing', 'apis/orders/operations/get/policy.xml'), []);
    assert.equal(workspace.findingsOf('auth-missing', 'apis/orders/operations/anon/policy.xml').length, 1);
    assert.equal(workspace.findingsOf('auth-missing', 'apis/weather/policy.xml').length, 1);
    assert.deepEqual(workspace.findingsOf('auth-missing', 'apis/weather/operations/get/policy.xml'), []);
  });

  test('a loose document stays silent: its subscription setting is unknown and APIM requires one by default', () => {
    assert.deepEqual(looseFindings('auth-missing', policy('')), []);
  });

  test('a fragment that cannot be read makes the finding information only', () => {
    const workspace = new MemoryWorkspace({
      'apis/orders/apiInformation.json': apiInfo(false),
      'apis/orders/policy.xml': policy('    <include-fragment fragment-id="missing" />\n'),
    });
    assert.equal(workspace.findingsOf('auth-missing', 'apis/orders/policy.xml')[0]?.severity, 'info');
  });

  test('the fix inserts a validate-jwt skeleton after <base /> and the finding goes away', () => {
    const text = policy('');
    const open = (apiPolicy: string): MemoryWorkspace =>
      new MemoryWorkspace({ 'policy.xml': GLOBAL, 'apis/orders/apiInformation.json': apiInfo(false), 'apis/orders/policy.xml': apiPolicy });
    const [finding] = open(text).findingsOf('auth-missing', 'apis/orders/policy.xml');
    assert.equal(finding.fixes[0].isPreferred, false);
    const fixed = applyFix(text, finding.fixes[0]);
    assert.equal(
      fixed,
      policy(
        '    <validate-jwt header-name="Authorization" require-scheme="Bearer" failed-validation-httpcode="401" failed-validation-error-message="Unauthorized">\n' +
          '      <openid-config url="{{jwt-openid-config-url}}" />\n      <audiences>\n        <audience>{{jwt-audience}}</audience>\n      </audiences>\n    </validate-jwt>\n',
      ),
    );
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(open(fixed).findingsOf('auth-missing', 'apis/orders/policy.xml'), []);
    assert.deepEqual(looseFindings('jwt-validation-weak', fixed), [], 'the skeleton itself is not weak');
  });
});
