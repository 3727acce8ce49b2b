import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/engine/findings/finding';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import type { SchemaContext } from '../../../server/src/engine/schema/schemaContext';
import { validatePolicySchema } from '../../../server/src/engine/schema/validatePolicySchema';

function check(text: string, context: SchemaContext = {}): Finding[] {
  return validatePolicySchema(parsePolicy(text).document, context);
}

/** `<policies>` with one inbound section holding `inbound`, for short cases. */
function inInbound(inbound: string): string {
  return `<policies>\n<inbound>\n${inbound}\n</inbound>\n</policies>`;
}

/** The span of the `occurrence`-th match of `needle` (first by default). */
function spanOf(text: string, needle: string, occurrence = 1): { start: number; end: number } {
  let start = -1;
  for (let found = 0; found < occurrence; found++) {
    start = text.indexOf(needle, start + 1);
    assert.ok(start >= 0, `"${needle}" #${occurrence} not in text`);
  }
  return { start, end: start + needle.length };
}

function summary(findings: readonly Finding[]): Array<[string, string]> {
  return findings.map((finding) => [finding.code, finding.message]);
}

describe('validatePolicySchema: document shape', () => {
  test('a complete, valid policy has no findings', () => {
    const text = `<policies>
  <inbound>
    <base />
    <rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Request.IpAddress)" />
    <set-header name="x-id" exists-action="Override"><value>@(context.RequestId.ToString())</value></set-header>
    <choose>
      <when condition="@(context.Request.Method == "GET")">
        <cache-lookup vary-by-developer="false" vary-by-developer-groups="FALSE" />
      </when>
      <otherwise>
        <set-backend-service backend-id="{{backend}}" />
      </otherwise>
    </choose>
  </inbound>
  <backend><forward-request timeout="{{timeout}}" /></backend>
  <outbound>
    <base />
    <set-body template="liquid">{"id": "{{body.id}}"}</set-body>
    <send-request mode="new" response-variable-name="r" timeout="20">
      <set-url>https://example.com</set-url>
      <set-method>POST</set-method>
      <set-header name="a" exists-action="skip" />
      <set-body>@("x")</set-body>
    </send-request>
  </outbound>
  <on-error><base /></on-error>
</policies>`;
    assert.deepEqual(check(text, { scope: 'api', gateway: 'classic' }), []);
  });

  test('every finding is a schema finding with a docs link named after its code', () => {
    const findings = check(inInbound('<rate-limit-by-keys />'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].kind, 'schema');
    assert.equal(findings[0].docsUrl, 'https://github.com/apim-studio/apim-studio/blob/main/docs/schema.md#unknown-element');
  });

  test('reports a root other than policies or fragment, with a rename fix', () => {
    const text = '<polices>\n<inbound />\n</polices>';
    const [finding, ...rest] = check(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.code, 'invalid-root');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'The root element must be <policies> or <fragment>, not <polices>.');
    assert.deepEqual(finding.span, spanOf(text, 'polices'));
    assert.deepEqual(finding.fixes, [
      {
        title: 'Change to <policies>',
        edits: [
          { span: spanOf(text, 'polices'), newText: 'policies' },
          { span: spanOf(text, 'polices', 2), newText: 'policies' },
        ],
        isPreferred: true,
      },
    ]);
  });

  test('accepts a GraphQL resolver data source as the root', () => {
    const text = `<http-data-source>
  <http-request><set-method>GET</set-method><set-url>https://example.com/{{id}}</set-url></http-request>
  <http-response><set-body>@(context.Response.Body.As<string>())</set-body></http-response>
</http-data-source>`;
    assert.deepEqual(check(text), []);
  });

  test('reports repeated and out-of-order sections', () => {
    const text = '<policies><inbound /><outbound /><backend /><inbound /></policies>';
    assert.deepEqual(summary(check(text)), [
      [
        'section-out-of-order',
        'Section <backend> comes after <outbound>; APIM runs the sections in pipeline order anyway, but readers expect inbound, backend, outbound, on-error.',
      ],
      ['repeated-section', 'Section <inbound> appears more than once.'],
    ]);
    assert.deepEqual(check(text)[1].span, spanOf(text, 'inbound', 2));
    // Only readers care about the order (services export outbound before backend), so it is not a warning.
    assert.equal(check(text)[0].severity, 'hint');
  });

  test('rate-limit-by-key accepts flexible-retry-window, which the reference omits but services export', () => {
    const text = inInbound('<rate-limit-by-key calls="5" renewal-period="60" counter-key="@(context.Subscription.Id)" flexible-retry-window="false" />');
    assert.deepEqual(check(text), []);
  });

  test('reports a policy outside any section and an unknown child of policies', () => {
    const text = '<policies><set-header name="a" /><inbund /></policies>';
    const findings = check(text);
    assert.deepEqual(summary(findings), [
      ['policy-outside-section', '<set-header> must be inside a section: inbound, backend, outbound or on-error.'],
      ['unknown-element', 'Unknown element <inbund> in <policies>. Did you mean <inbound>?'],
    ]);
    assert.deepEqual(findings[1].fixes[0].edits, [{ span: spanOf(text, 'inbund'), newText: 'inbound' }]);
  });

  test('reports <base /> twice in a section, but not once per section', () => {
    const text = '<policies><inbound><base /><base /></inbound><outbound><base /></outbound></policies>';
    const findings = check(text);
    assert.deepEqual(summary(findings), [['repeated-base', 'Section <inbound> has more than one <base />.']]);
    assert.deepEqual(findings[0].span, spanOf(text, 'base', 2));
  });

  test('fragments: statements only, no <base /> and no sections', () => {
    const text = '<fragment><base /><inbound /><set-variable name="a" value="b" /></fragment>';
    assert.deepEqual(summary(check(text, { scope: 'fragment' })), [
      ['base-in-fragment', '<base /> is not allowed in a policy fragment.'],
      ['element-not-allowed-here', 'A fragment holds policy statements, not sections like <inbound>.'],
    ]);
  });

  test('a fragment skips section and scope checks, since it takes those of the including document', () => {
    assert.deepEqual(check('<fragment><forward-request /><quota calls="1" renewal-period="60" /></fragment>', { scope: 'fragment' }), []);
  });
});

describe('validatePolicySchema: elements', () => {
  test('unknown element: did you mean, renaming start and end tags', () => {
    const text = inInbound('<rate-limit-by-keys calls="1" renewal-period="60" counter-key="k"></rate-limit-by-keys>');
    const [finding, ...rest] = check(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.message, 'Unknown element <rate-limit-by-keys> in <inbound>. Did you mean <rate-limit-by-key>?');
    assert.deepEqual(finding.span, spanOf(text, 'rate-limit-by-keys'));
    assert.deepEqual(finding.fixes[0].edits, [
      { span: spanOf(text, 'rate-limit-by-keys'), newText: 'rate-limit-by-key' },
      { span: spanOf(text, 'rate-limit-by-keys', 2), newText: 'rate-limit-by-key' },
    ]);
    assert.equal(finding.fixes[0].isPreferred, true);
  });

  test('unknown element far from any name: no suggestion and no fix', () => {
    const [finding] = check(inInbound('<transmogrify />'));
    assert.equal(finding.message, 'Unknown element <transmogrify> in <inbound>.');
    assert.deepEqual(finding.fixes, []);
  });

  test('policy not allowed in the section', () => {
    const text = inInbound('<forward-request />');
    const [finding] = check(text);
    assert.equal(finding.code, 'policy-not-allowed-in-section');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, '<forward-request> is not allowed in inbound; allowed in: backend.');
    assert.deepEqual(finding.span, spanOf(text, 'forward-request'));
  });

  test('the section of a nested statement is the enclosing section', () => {
    const text = inInbound('<choose><when condition="@(true)"><retry condition="@(false)" count="2" interval="1"><forward-request /></retry></when></choose>');
    assert.deepEqual(summary(check(text)), [['policy-not-allowed-in-section', '<forward-request> is not allowed in inbound; allowed in: backend.']]);
  });

  test('resolver policies are not section statements', () => {
    assert.deepEqual(summary(check(inInbound('<publish-event><targets><graphql-subscription id="s" /></targets></publish-event>'))), [
      ['policy-not-allowed-in-section', "<publish-event> belongs in the response element of a GraphQL resolver's data source, not a section statement."],
    ]);
  });

  test('scope: reported when known, skipped when unknown', () => {
    const text = inInbound('<quota calls="100" renewal-period="3600" />');
    assert.deepEqual(summary(check(text, { scope: 'api' })), [['policy-not-allowed-at-scope', '<quota> is not allowed at api scope; allowed at: product.']]);
    assert.equal(check(text, { scope: 'api' })[0].severity, 'warning');
    assert.deepEqual(check(text, { scope: 'product' }), []);
    assert.deepEqual(check(text), []);
  });

  test('gateway: reported for the selected gateway, skipped when unknown', () => {
    const text = inInbound('<rate-limit-by-key calls="1" renewal-period="60" counter-key="k" />');
    assert.deepEqual(summary(check(text, { gateway: 'consumption' })), [
      [
        'policy-not-supported-on-gateway',
        '<rate-limit-by-key> is not supported on the consumption gateway; supported on: classic, v2, self-hosted, workspace.',
      ],
    ]);
    assert.deepEqual(check(text, { gateway: 'classic' }), []);
    assert.deepEqual(check(text), []);
  });

  test('required child elements, repeated single children and children not allowed', () => {
    const text = inInbound('<choose><otherwise /><otherwise /></choose><wait><set-variable name="a" value="b" /></wait>');
    assert.deepEqual(summary(check(text)), [
      ['missing-required-element', '<choose> needs at least one <when> element.'],
      ['repeated-element', '<choose> takes only one <otherwise>.'],
      ['element-not-allowed-here', '<set-variable> is not allowed inside <wait>; expected <send-request>, <cache-lookup-value>, <choose>.'],
    ]);
  });

  test('unknown child element with a suggestion from the allowed children', () => {
    const text = inInbound('<set-header name="a"><valeu>x</valeu></set-header>');
    const [finding] = check(text);
    assert.equal(finding.message, 'Unknown element <valeu> in <set-header>. Did you mean <value>?');
    assert.deepEqual(finding.fixes[0].edits, [
      { span: spanOf(text, 'valeu'), newText: 'value' },
      { span: spanOf(text, 'valeu', 2), newText: 'value' },
    ]);
  });

  test('child policies are checked with their own definition', () => {
    const text = inInbound(
      '<send-request response-variable-name="r"><set-url>https://x</set-url><set-method>GET</set-method><set-header exists-action="skip" /></send-request>',
    );
    assert.deepEqual(summary(check(text)), [['missing-required-attribute', "<set-header> needs the 'name' attribute."]]);
  });

  test('children out of the documented order', () => {
    const text = inInbound('<send-request response-variable-name="r"><set-method>GET</set-method><set-url>https://x</set-url></send-request>');
    const [finding, ...rest] = check(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.code, 'child-out-of-order');
    assert.equal(finding.message, '<set-url> should come before <set-method> in <send-request>.');
  });

  test('text and markup content is payload, not policy', () => {
    const text = inInbound(`<set-body><soap:Envelope><soap:Body><Anything /></soap:Body></soap:Envelope></set-body>
<xsl-transform><xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/" /></xsl:stylesheet></xsl-transform>`);
    assert.deepEqual(check(text), []);
  });

  test('choose: when without condition and otherwise before a when', () => {
    const text = inInbound('<choose><when><base /></when><otherwise /><when condition="@(true)" /></choose>');
    const findings = check(text);
    assert.deepEqual(summary(findings), [
      ['when-without-condition', '<when> needs a condition attribute.'],
      ['otherwise-not-last', '<otherwise> must be the last branch of <choose>.'],
    ]);
    assert.deepEqual(findings[1].span, spanOf(text, 'otherwise'));
  });

  test('once-per-section policies repeated in a section, but not across choose branches', () => {
    const text = `<policies><inbound>
<cors><allowed-origins><origin>*</origin></allowed-origins></cors>
<choose>
  <when condition="@(true)"><cache-lookup vary-by-developer="false" vary-by-developer-groups="false" /></when>
  <otherwise><cache-lookup vary-by-developer="false" vary-by-developer-groups="false" /></otherwise>
</choose>
<cors><allowed-origins><origin>*</origin></allowed-origins></cors>
</inbound><outbound><jsonp callback-parameter-name="cb" /></outbound></policies>`;
    const findings = check(text);
    assert.deepEqual(summary(findings), [['repeated-policy', '<cors> may appear only once per section.']]);
    assert.deepEqual(findings[0].span, spanOf(text, 'cors', 3));
  });

  test('once-per-document policies repeated anywhere in the document', () => {
    const text = inInbound('<rate-limit calls="1" renewal-period="60" /><rate-limit calls="2" renewal-period="60" />');
    assert.deepEqual(summary(check(text)), [['repeated-policy', '<rate-limit> may appear only once per policy document.']]);
  });
});

describe('validatePolicySchema: attributes', () => {
  test('missing required attribute on the element name', () => {
    const text = inInbound('<set-variable name="a" />');
    const [finding] = check(text);
    assert.equal(finding.code, 'missing-required-attribute');
    assert.equal(finding.message, "<set-variable> needs the 'value' attribute.");
    assert.deepEqual(finding.span, spanOf(text, 'set-variable'));
  });

  test('unknown attribute with a did-you-mean rename', () => {
    const text = inInbound('<set-header name="a" exist-action="override" />');
    const [finding, ...rest] = check(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.code, 'unknown-attribute');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, "<set-header> has no attribute 'exist-action'. Did you mean 'exists-action'?");
    assert.deepEqual(finding.fixes, [
      { title: "Change to 'exists-action'", edits: [{ span: spanOf(text, 'exist-action'), newText: 'exists-action' }], isPreferred: true },
    ]);
  });

  test('namespace declarations and prefixed attributes are not policy attributes', () => {
    assert.deepEqual(check('<policies xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><inbound xsi:type="x" /></policies>'), []);
  });

  test('enumerated values: near miss fixed, case ignored, expressions and named values skipped', () => {
    const text = inInbound('<set-header name="a" exists-action="overide" />');
    const [finding] = check(text);
    assert.equal(finding.code, 'invalid-attribute-value');
    assert.equal(finding.message, "'overide' is not a valid value for 'exists-action' on <set-header>; expected override, skip, append, delete.");
    assert.deepEqual(finding.span, spanOf(text, 'overide'));
    assert.deepEqual(finding.fixes, [{ title: 'Change to "override"', edits: [{ span: spanOf(text, 'overide'), newText: 'override' }], isPreferred: true }]);
    assert.deepEqual(check(inInbound('<set-header name="a" exists-action="@(&quot;skip&quot;)" />')), []);
    assert.deepEqual(check(inInbound('<set-header name="a" exists-action="{{action}}" />')), []);
    assert.deepEqual(check(inInbound('<ip-filter action="Allow"><address>1.2.3.4</address></ip-filter>')), []);
  });

  test('booleans accept any case and reject other words', () => {
    const findings = check(inInbound('<cache-lookup vary-by-developer="True" vary-by-developer-groups="yes" />'));
    assert.deepEqual(summary(findings), [
      ['invalid-attribute-value', "'yes' is not a valid value for 'vary-by-developer-groups' on <cache-lookup>; expected true, false."],
    ]);
  });

  test('deployment placeholders are information, not errors', () => {
    const text = inInbound(
      '<retry condition="@(true)" count="{retry-count}" interval="RETRY_INTERVAL" max-interval="#{MaxInterval}#" delta="__delta__" first-fast-retry="${fast}" />',
    );
    const findings = check(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.severity, text.slice(finding.span.start, finding.span.end)]),
      [
        ['placeholder-value', 'info', '{retry-count}'],
        ['placeholder-value', 'info', 'RETRY_INTERVAL'],
        ['placeholder-value', 'info', '#{MaxInterval}#'],
        ['placeholder-value', 'info', '__delta__'],
        ['placeholder-value', 'info', '${fast}'],
      ],
    );
    assert.equal(
      findings[0].message,
      "'{retry-count}' on <retry> looks like a placeholder that a deployment step replaces; APIM rejects the policy if it is deployed as is.",
    );
    assert.deepEqual(summary(check(inInbound('<rate-limit calls="TEN" renewal-period="60" />'))), [
      ['invalid-number', "'calls' on <rate-limit> needs a whole number, not 'TEN'."],
    ]);
  });

  test('numbers: literal text rejected, expressions and named values accepted', () => {
    const text = inInbound('<rate-limit calls="ten" renewal-period="60" />');
    const [finding] = check(text);
    assert.equal(finding.code, 'invalid-number');
    assert.equal(finding.message, "'calls' on <rate-limit> needs a whole number, not 'ten'.");
    assert.deepEqual(finding.span, spanOf(text, 'ten'));
    assert.deepEqual(summary(check(inInbound('<retry condition="@(true)" count="3" interval="1.5" />'))), [
      ['invalid-number', "'interval' on <retry> needs a whole number of seconds, not '1.5'."],
    ]);
    assert.deepEqual(check(inInbound('<rate-limit calls="{{calls}}" renewal-period="@(60)" />')), []);
    assert.deepEqual(
      check(inInbound('<llm-semantic-cache-lookup score-threshold="0.05" embeddings-backend-id="e" embeddings-backend-auth="system-assigned" />')),
      [],
    );
  });

  test('one-of rules: none, two, and exemptions', () => {
    assert.deepEqual(summary(check(inInbound('<set-backend-service />'))), [['one-of-violation', "<set-backend-service> needs 'base-url' or 'backend-id'."]]);
    assert.deepEqual(summary(check(inInbound('<set-backend-service base-url="https://a" backend-id="b" />'))), [
      ['one-of-violation', "<set-backend-service> takes only one of 'base-url' or 'backend-id'."],
    ]);
    assert.deepEqual(summary(check(inInbound('<validate-jwt />'))), [
      ['one-of-violation', "<validate-jwt> needs 'header-name', 'query-parameter-name' or 'token-value'."],
    ]);
    assert.deepEqual(summary(check(inInbound('<send-request response-variable-name="r"><set-method>GET</set-method></send-request>'))), [
      ['one-of-violation', '<send-request> needs <set-url> unless mode="copy".'],
    ]);
    assert.deepEqual(check(inInbound('<send-request mode="copy" response-variable-name="r" />')), []);
    assert.deepEqual(check(inInbound('<send-request mode="@(&quot;copy&quot;)" response-variable-name="r" />')), []);
    assert.deepEqual(summary(check(inInbound('<ip-filter action="allow" />'))), [['one-of-violation', '<ip-filter> needs <address> or <address-range>.']]);
  });
});

describe('validatePolicySchema: workspace references', () => {
  test('include-fragment naming a fragment the workspace lacks', () => {
    const text = inInbound('<include-fragment fragment-id="missing" /><include-fragment fragment-id="present" />');
    const context: SchemaContext = { fragmentExists: (id) => id === 'present' };
    const findings = check(text, context);
    assert.deepEqual(summary(findings), [['unknown-fragment', "No policy fragment 'missing' in this folder."]]);
    assert.deepEqual(findings[0].span, spanOf(text, 'missing'));
    assert.deepEqual(check(text, { fragmentExists: () => undefined }), []);
    assert.deepEqual(check(text), []);
  });

  test('named values the workspace does not define, in attributes and text', () => {
    const text = inInbound('<set-header name="{{known}}"><value>{{unknown}}</value></set-header>');
    const findings = check(text, { namedValueExists: (name) => name === 'known' });
    assert.deepEqual(summary(findings), [['unknown-named-value', "No named value 'unknown' in this folder."]]);
    assert.deepEqual(findings[0].span, spanOf(text, 'unknown'));
    assert.deepEqual(check(text, { namedValueExists: () => undefined }), []);
  });
});
