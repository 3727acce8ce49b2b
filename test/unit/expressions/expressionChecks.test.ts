import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { checkExpressions } from '../../../server/src/engine/expressions/checkExpressions';

function expressionFindings(text: string): { code: string; severity: string; at: string; message: string }[] {
  const { document } = parsePolicy(text);
  return checkExpressions(document)
    .filter((finding) => finding.code.startsWith('expression-'))
    .map((finding) => ({ code: finding.code, severity: finding.severity, at: text.slice(finding.span.start, finding.span.end), message: finding.message }));
}

function policy(inbound: string): string {
  return `<policies>\n  <inbound>\n    ${inbound}\n  </inbound>\n  <backend><forward-request /></backend>\n  <outbound />\n  <on-error />\n</policies>`;
}

test('an unknown member of a context type, with "did you mean"', () => {
  const found = expressionFindings(
    policy('<set-header name="a" exists-action="override"><value>@(context.Request.Header.GetValueOrDefault("a", ""))</value></set-header>'),
  );
  assert.deepEqual(
    found.map((item) => [item.code, item.severity, item.at]),
    [['expression-unknown-member', 'error', 'Header']],
  );
  assert.match(found[0].message, /did you mean 'Headers'/);
});

test('unknown names with no close match, object members and undocumented members are not reported', () => {
  assert.deepEqual(
    expressionFindings(
      policy(
        '<set-variable name="a" value="@(context.Request.Url.ToString() + context.Request.Url.ToUri().Host + context.Deployment.Gateway.Id + context.Request.Frobnicate)" />',
      ),
    ),
    [],
  );
});

test('types APIM does not allow: qualified, by short name, and XDocument.Load', () => {
  const found = expressionFindings(
    policy(
      '<set-body>@{ var text = System.IO.File.ReadAllText("x"); var env = Environment.GetEnvironmentVariable("A"); var doc = XDocument.Load("y"); System.Reflection.Assembly a = null; return text; }</set-body>',
    ),
  );
  assert.deepEqual(
    found.map((item) => [item.code, item.at]),
    [
      ['expression-type-not-allowed', 'System.IO.File'],
      ['expression-type-not-allowed', 'Environment'],
      ['expression-type-not-allowed', 'Load'],
      ['expression-type-not-allowed', 'System.Reflection'],
    ],
  );
});

test('allowed qualified types and a local that shadows a denied name stay quiet', () => {
  const text = policy(
    '<set-body>@{ var sb = new System.Text.StringBuilder(); var File = "a"; var c = System.StringComparison.OrdinalIgnoreCase; var h = new System.Security.Cryptography.HMACSHA256(new byte[0]); return File + sb + c + h + new { Environment = 1 }; }</set-body>',
  );
  assert.deepEqual(expressionFindings(text), []);
});

test('GetValueOrDefault<T> with a type no set-variable stores', () => {
  const text = policy(
    '<set-variable name="count" value="5" />\n    <set-variable name="flag" value="@(context.Request.Method == &quot;GET&quot;)" />\n    <set-header name="a" exists-action="override"><value>@(context.Variables.GetValueOrDefault&lt;int&gt;("count").ToString() + context.Variables.GetValueOrDefault&lt;bool&gt;("flag") + context.Variables.GetValueOrDefault&lt;string&gt;("count"))</value></set-header>',
  );
  const found = expressionFindings(text);
  assert.deepEqual(
    found.map((item) => [item.code, item.severity, item.at]),
    [['expression-variable-type-mismatch', 'warning', 'int']],
  );
  assert.match(found[0].message, /stores a string in 'count'/);
});

test('a variable read by index that nothing sets, in a self-contained document (info)', () => {
  const text = policy(
    '<set-header name="a" exists-action="override"><value>@((string)context.Variables["missing"] + (string)context.Variables["set"])</value></set-header>\n    <set-variable name="set" value="x" />',
  );
  assert.deepEqual(
    expressionFindings(text).map((item) => [item.code, item.severity, item.at]),
    [['expression-variable-not-set', 'info', '"missing"']],
  );
});

test('unset variables are not reported when they may come from elsewhere or are guarded', () => {
  const withBase = policy('<base />\n    <set-header name="a" exists-action="override"><value>@((string)context.Variables["x"])</value></set-header>');
  assert.deepEqual(expressionFindings(withBase), []);
  const guarded = policy(
    '<set-header name="a" exists-action="override"><value>@(context.Variables.ContainsKey("x") ? (string)context.Variables["x"] : "")</value></set-header>',
  );
  assert.deepEqual(expressionFindings(guarded), []);
  const byOtherPolicy = policy(
    '<send-request mode="new" response-variable-name="r"><set-url>https://a</set-url></send-request>\n    <set-body>@(((IResponse)context.Variables["r"]).Body.As&lt;string&gt;())</set-body>',
  );
  assert.deepEqual(expressionFindings(byOtherPolicy), []);
});
