import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LOOSE_DOCUMENT, type LanguageEnvironment } from '../../../server/src/engine/language/languageEnvironment';
import { policyCompletions } from '../../../server/src/engine/language/policyCompletions';
import type { LanguageCompletion } from '../../../server/src/engine/language/languageCompletion';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { withCursor } from './cursorText';

const WORKSPACE: LanguageEnvironment = {
  scope: 'api',
  gateway: 'classic',
  references: {
    fragments: [{ id: 'cors-headers', path: '/ws/policy fragments/cors-headers/policy.xml' }],
    namedValues: [
      {
        name: 'orders-key',
        displayName: 'OrdersKey',
        secret: true,
        keyVault: false,
        value: undefined,
        path: '/ws/named values/orders-key/namedValueInformation.json',
      },
      {
        name: 'environment',
        displayName: 'environment',
        secret: false,
        keyVault: false,
        value: 'test',
        path: '/ws/named values/environment/namedValueInformation.json',
      },
    ],
    backends: [{ id: 'orders-backend', url: 'https://orders.example.com/api', type: undefined, path: '/ws/backends/orders-backend/backendInformation.json' }],
  },
};

function complete(
  marked: string,
  environment: LanguageEnvironment = LOOSE_DOCUMENT,
  trigger?: string,
): { items: LanguageCompletion[]; text: string; offset: number } {
  const { text, offset } = withCursor(marked);
  return { items: policyCompletions(parsePolicy(text).document, offset, environment, trigger), text, offset };
}

function labels(items: readonly LanguageCompletion[]): string[] {
  return items.map((item) => item.label);
}

function item(items: readonly LanguageCompletion[], label: string): LanguageCompletion {
  const found = items.find((candidate) => candidate.label === label);
  assert.ok(found, `no completion ${label} in ${labels(items).join(', ')}`);
  return found;
}

describe('element completion', () => {
  test('after < in inbound: policies allowed in inbound and <base />, not backend-only ones', () => {
    const { items, offset } = complete('<policies>\n  <inbound>\n    <¦\n  </inbound>\n</policies>', LOOSE_DOCUMENT, '<');
    const names = labels(items);
    assert.ok(names.includes('set-header'));
    assert.ok(names.includes('rate-limit-by-key'));
    assert.ok(names.includes('base'));
    assert.ok(!names.includes('forward-request'));
    assert.ok(!names.includes('inbound'));
    const setHeader = item(items, 'set-header');
    assert.equal(setHeader.insertText, 'set-header name="${1}">\n\t$0\n</set-header>');
    assert.equal(setHeader.snippet, true);
    assert.deepEqual(setHeader.replace, { start: offset, end: offset });
    assert.match(setHeader.documentation ?? '', /\[Documentation\]\(https:\/\/learn\.microsoft\.com\/azure\/api-management\/set-header-policy\)/);
  });

  test('required attributes become placeholders, enumerated ones a choice; empty elements self-close', () => {
    const { items } = complete('<policies>\n  <inbound>\n    <¦\n  </inbound>\n</policies>', LOOSE_DOCUMENT, '<');
    assert.equal(item(items, 'include-fragment').insertText, 'include-fragment fragment-id="${1}" />');
    assert.equal(item(items, 'base').insertText, 'base />');
    assert.equal(item(items, 'choose').insertText, 'choose>\n\t<when condition="${1}">${2}</when>\n</choose>');
  });

  test('the backend section offers forward-request; a section with <base /> no longer offers base', () => {
    const { items } = complete('<policies>\n  <backend>\n    <base />\n    <¦\n  </backend>\n</policies>', LOOSE_DOCUMENT, '<');
    assert.ok(labels(items).includes('forward-request'));
    assert.ok(!labels(items).includes('base'));
  });

  test('a partial name is replaced as a whole', () => {
    const { items, text } = complete('<policies>\n  <inbound>\n    <set-h¦\n  </inbound>\n</policies>');
    const setHeader = item(items, 'set-header');
    assert.equal(text.slice(setHeader.replace.start, setHeader.replace.end), 'set-h');
  });

  test('renaming a tag that has attributes replaces only the name', () => {
    const { items, text } = complete('<policies>\n  <inbound>\n    <set-he¦ader name="x" />\n  </inbound>\n</policies>');
    const setHeader = item(items, 'set-header');
    assert.equal(setHeader.insertText, 'set-header');
    assert.equal(setHeader.snippet, false);
    assert.equal(text.slice(setHeader.replace.start, setHeader.replace.end), 'set-header');
  });

  test('child elements of a policy, without repeating a single one', () => {
    const { items } = complete(
      '<policies>\n  <inbound>\n    <choose>\n      <otherwise />\n      <¦\n    </choose>\n  </inbound>\n</policies>',
      LOOSE_DOCUMENT,
      '<',
    );
    assert.deepEqual(labels(items), ['when']);
    assert.equal(item(items, 'when').insertText, 'when condition="${1}">\n\t$0\n</when>');
  });

  test('inside a when branch, statements of the enclosing section', () => {
    const { items } = complete(
      '<policies>\n  <backend>\n    <choose>\n      <when condition="@(true)">\n        <¦\n      </when>\n    </choose>\n  </backend>\n</policies>',
      LOOSE_DOCUMENT,
      '<',
    );
    assert.ok(labels(items).includes('forward-request'));
    assert.ok(!labels(items).includes('base'));
  });

  test('<policies> offers the sections it lacks, in order', () => {
    const { items } = complete('<policies>\n  <inbound />\n  <¦\n</policies>', LOOSE_DOCUMENT, '<');
    assert.deepEqual(labels(items), ['backend', 'outbound', 'on-error']);
  });

  test('an empty document offers the two roots', () => {
    const { items } = complete('<¦', LOOSE_DOCUMENT, '<');
    assert.deepEqual(labels(items), ['policies', 'fragment']);
  });

  test('without a typed <, an explicit request inserts the bracket; a trigger character does not offer elements', () => {
    const { items, text } = complete('<policies>\n  <inbound>\n    set¦\n  </inbound>\n</policies>');
    const setHeader = item(items, 'set-header');
    assert.ok(setHeader.insertText.startsWith('<set-header name='));
    assert.equal(text.slice(setHeader.replace.start, setHeader.replace.end), 'set');
    assert.deepEqual(complete('<policies>\n  <inbound>\n     ¦\n  </inbound>\n</policies>', LOOSE_DOCUMENT, ' ').items, []);
  });

  test('a fragment offers statements of every section but not <base />', () => {
    const { items } = complete('<fragment>\n  <¦\n</fragment>', LOOSE_DOCUMENT, '<');
    assert.ok(labels(items).includes('forward-request'));
    assert.ok(labels(items).includes('set-header'));
    assert.ok(!labels(items).includes('base'));
  });

  test('the scope and the gateway narrow the list', () => {
    const marked = '<policies>\n  <inbound>\n    <¦\n  </inbound>\n</policies>';
    const classic = labels(complete(marked, WORKSPACE, '<').items);
    const consumption = labels(complete(marked, { ...WORKSPACE, gateway: 'consumption' }, '<').items);
    assert.ok(classic.includes('rate-limit-by-key'));
    assert.ok(!consumption.includes('rate-limit-by-key'));
    assert.ok(!classic.includes('cross-domain'), 'cross-domain is global-only and this is an API policy');
    assert.ok(labels(complete(marked, { ...WORKSPACE, scope: 'global' }, '<').items).includes('cross-domain'));
    assert.ok(labels(complete('<fragment>\n  <¦\n</fragment>', { ...WORKSPACE, scope: 'fragment' }, '<').items).includes('cross-domain'));
  });

  test('nothing inside text content, comments or CDATA', () => {
    assert.deepEqual(complete('<policies>\n  <inbound>\n    <set-body>{"a": ¦}</set-body>\n  </inbound>\n</policies>').items, []);
    assert.deepEqual(complete('<policies>\n  <inbound>\n    <!-- a ¦ b -->\n  </inbound>\n</policies>').items, []);
  });
});

describe('attribute completion', () => {
  test('attributes of the element at the cursor, required first, present ones left out', () => {
    const { items, offset } = complete('<policies>\n  <inbound>\n    <rate-limit-by-key calls="10" ¦/>\n  </inbound>\n</policies>', LOOSE_DOCUMENT, ' ');
    const names = labels(items);
    assert.ok(!names.includes('calls'));
    assert.deepEqual(
      items
        .filter((candidate) => candidate.sortText?.startsWith('0-'))
        .map((candidate) => candidate.label)
        .sort(),
      ['counter-key', 'renewal-period'],
    );
    const counterKey = item(items, 'counter-key');
    assert.equal(counterKey.insertText, 'counter-key="${1}"');
    assert.deepEqual(counterKey.replace, { start: offset, end: offset });
  });

  test('an enumerated attribute inserts a choice of its values', () => {
    const { items } = complete('<policies>\n  <inbound>\n    <set-header name="a" ¦>\n    </set-header>\n  </inbound>\n</policies>', LOOSE_DOCUMENT, ' ');
    assert.equal(item(items, 'exists-action').insertText, 'exists-action="${1|override,skip,append,delete|}"');
    assert.match(item(items, 'exists-action').documentation ?? '', /Default: `override`/);
  });

  test('in a half-typed start tag', () => {
    const { items } = complete('<policies>\n  <inbound>\n    <set-header ¦\n  </inbound>\n</policies>', LOOSE_DOCUMENT, ' ');
    assert.ok(labels(items).includes('name'));
  });

  test('renaming an attribute with a value replaces just the name', () => {
    const { items, text } = complete('<policies>\n  <inbound>\n    <set-header na¦="x" />\n  </inbound>\n</policies>');
    const name = item(items, 'name');
    assert.equal(name.insertText, 'name');
    assert.equal(text.slice(name.replace.start, name.replace.end), 'na');
  });
});

describe('value completion', () => {
  test('enumerated values replace the whole value', () => {
    const { items, text } = complete('<policies>\n  <inbound>\n    <set-header name="a" exists-action="sk¦ip" />\n  </inbound>\n</policies>', LOOSE_DOCUMENT);
    assert.deepEqual(labels(items), ['override', 'skip', 'append', 'delete']);
    assert.equal(item(items, 'override').detail, 'default');
    assert.equal(text.slice(items[0].replace.start, items[0].replace.end), 'skip');
  });

  test('after the opening quote', () => {
    const { items } = complete('<policies>\n  <backend>\n    <forward-request follow-redirects="¦" />\n  </backend>\n</policies>', LOOSE_DOCUMENT, '"');
    assert.deepEqual(labels(items), ['true', 'false']);
  });

  test('fragment ids in include-fragment, backend ids in backend-id', () => {
    assert.deepEqual(labels(complete('<policies>\n  <inbound>\n    <include-fragment fragment-id="¦" />\n  </inbound>\n</policies>', WORKSPACE, '"').items), [
      'cors-headers',
    ]);
    const backends = complete('<policies>\n  <inbound>\n    <set-backend-service backend-id="or¦" />\n  </inbound>\n</policies>', WORKSPACE).items;
    assert.deepEqual(labels(backends), ['orders-backend']);
    assert.equal(backends[0].detail, 'https://orders.example.com/api');
  });

  test('{{ offers named values by the name policies use, closing the braces when needed', () => {
    const { items, text } = complete(
      '<policies>\n  <inbound>\n    <set-header name="key"><value>{{¦</value></set-header>\n  </inbound>\n</policies>',
      WORKSPACE,
      '{',
    );
    assert.deepEqual(labels(items), ['OrdersKey', 'environment']);
    assert.equal(item(items, 'OrdersKey').insertText, 'OrdersKey}}');
    assert.equal(item(items, 'OrdersKey').detail, 'secret');
    assert.equal(item(items, 'environment').detail, 'test');
    const inValue = complete('<policies>\n  <inbound>\n    <set-header name="{{env¦}}" />\n  </inbound>\n</policies>', WORKSPACE);
    assert.equal(item(inValue.items, 'environment').insertText, 'environment');
    assert.equal(inValue.text.slice(inValue.items[0].replace.start, inValue.items[0].replace.end), 'env');
    assert.equal(text.slice(items[0].replace.start, items[0].replace.end), '');
  });
});

describe('expression completion', () => {
  const inValue = (code: string, trigger?: string): LanguageCompletion[] =>
    complete(`<policies>\n  <inbound>\n    <set-variable name="v" value="@(${code})" />\n  </inbound>\n</policies>`, LOOSE_DOCUMENT, trigger).items;

  test('context. lists the context members', () => {
    assert.deepEqual(labels(inValue('context.¦', '.')).sort(), [
      'Api',
      'Deployment',
      'Elapsed',
      'LastError',
      'Operation',
      'Product',
      'Request',
      'RequestId',
      'Response',
      'Subscription',
      'Timestamp',
      'Trace',
      'Tracing',
      'User',
      'Variables',
    ]);
  });

  test('members follow the chain: Request, Url, Headers, method results and indexers', () => {
    assert.deepEqual(labels(inValue('context.Request.¦', '.')), [
      'Body',
      'Certificate',
      'Headers',
      'IpAddress',
      'MatchedParameters',
      'Method',
      'OriginalUrl',
      'PrivateEndpointConnection',
      'Url',
    ]);
    assert.deepEqual(labels(inValue('context.Request.Url.¦', '.')), ['Host', 'Path', 'Port', 'Query', 'QueryString', 'Scheme', 'ToUri']);
    assert.ok(labels(inValue('context.Request.Headers.¦', '.')).includes('GetValueOrDefault'));
    assert.ok(labels(inValue('context.Request.Headers.GetValueOrDefault(&quot;Authorization&quot;, &quot;&quot;).¦', '.')).includes('AsJwt'));
    assert.ok(labels(inValue('context.Request.Headers.GetValueOrDefault("a","").AsJwt()?.¦', '.')).includes('Claims'));
    assert.ok(labels(inValue('context.LastError.¦', '.')).includes('PolicyId'));
    assert.deepEqual(labels(inValue('context.Response.Body.As&lt;JObject&gt;(preserveContent: true).¦', '.')), []);
    assert.deepEqual(labels(inValue('context.Variables["x"].¦', '.')), []);
    assert.equal(item(inValue('context.Request.Me¦'), 'Method').detail, 'string');
  });

  test('outside a member access: context and the allowed .NET types; namespaces step by step', () => {
    const root = inValue('¦');
    assert.ok(labels(root).includes('context'));
    assert.equal(item(root, 'JObject').detail, 'Newtonsoft.Json.Linq.JObject');
    assert.equal(item(root, 'Regex').detail, 'System.Text.RegularExpressions.Regex');
    assert.deepEqual(labels(inValue('System.Text.¦', '.')).sort(), ['Encoding', 'RegularExpressions', 'StringBuilder']);
    assert.ok(labels(inValue('DateTime.¦', '.')).includes('UtcNow'));
  });

  test('multi-statement expressions in text, and nothing inside string literals', () => {
    const { items } = complete(
      '<policies>\n  <inbound>\n    <set-body>@{\n  var id = context.Subscription.¦\n  return id;\n}</set-body>\n  </inbound>\n</policies>',
      LOOSE_DOCUMENT,
      '.',
    );
    assert.ok(labels(items).includes('PrimaryKey'));
    assert.deepEqual(inValue('"context.¦', '.'), []);
  });

  test('@ offers the two expression forms', () => {
    const { items, text, offset } = complete(
      '<policies>\n  <inbound>\n    <set-variable name="v" value="@¦" />\n  </inbound>\n</policies>',
      LOOSE_DOCUMENT,
      '@',
    );
    assert.deepEqual(labels(items), ['@(...)', '@{...}']);
    assert.deepEqual(items[0].replace, { start: offset - 1, end: offset });
    assert.equal(text[items[0].replace.start], '@');
  });
});
