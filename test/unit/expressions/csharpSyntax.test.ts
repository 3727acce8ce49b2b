import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCSharp } from '../../../server/src/engine/policy/csharp/parser';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';

const VALID_EXPRESSIONS = [
  'context.Request.Headers.GetValueOrDefault("Authorization", "").AsJwt()?.Subject',
  '@"C:\\path ""quoted"""',
  '$"{context.Api.Name}-{DateTime.UtcNow:yyyy-MM-dd}-{(x ? 1 : 2),5} {{literal}}"',
  '$@"multi {context.Operation.Id}\nline"',
  "'x' == '\\n' || '\\u0041' != 'b'",
  '1.5f + 2m + 3UL + 0x1F + 1_000 + 1e3 + .5',
  'context.Variables.GetValueOrDefault<string>("a") ?? "none"',
  '(string)context.Variables["x"] as string',
  'context.Request.Body.As<JObject>(preserveContent: true)["items"].Select(i => (string)i["id"]).Where(id => id != null).ToList()',
  'context.Request.Headers.Where((h, index) => h.Key.StartsWith("x-")).Select(h => new { h.Key, Value = h.Value.First() })',
  'new JObject(new JProperty("a", 1), new JProperty("b", new JArray { 1, 2 }))',
  'new Dictionary<string, List<int>> { { "a", new List<int> { 1 } }, ["b"] = new List<int>() }',
  'new[] { "a", "b" }.Contains(context.Request.Method)',
  'new string[2]',
  'x is string s && s.Length > 0 ? s : x is null ? "null" : x.ToString()',
  'context.Response.StatusCode >= 400 && context.Response.StatusCode < 500',
  'a < b && c > d',
  'List<string>.Empty',
  'typeof(string).Name + default(int) + nameof(x)',
  'checked(a + b) << 2 >> 1',
  'int.Parse("1") + string.Join(",", new List<string>())',
  '((JObject)context.Variables["body"]).Property("a")?.Value',
  'x?[0]?.ToString() ?? throw new Exception("x")',
  'from h in context.Request.Headers where h.Key.StartsWith("x") select h.Value',
  'context.Request.Headers.TryGetValue("a", out var values) ? values[0] : ""',
  'Tuple.Create(1, "a").Item2',
  '(a, b) => a + b',
  '-x + +y - !z ? ~1 : (int)-1',
];

const VALID_BLOCKS = [
  'var x = 1; return x;',
  'string a = "", b; if (a == null) { return "1"; } else if (a.Length > 2) return "2"; else { b = "3"; } return b;',
  'foreach (var header in context.Request.Headers) { if (header.Key == "a") { return header.Value[0]; } } return null;',
  'for (int i = 0, j = 1; i < 10; i++, j--) { continue; } return 1;',
  'int n = 0; while (n < 3) n++; do { n--; } while (n > 0); return n;',
  'try { return JObject.Parse("{}").ToString(); } catch (JsonReaderException e) when (e.Message != null) { return "bad"; } catch { throw; } finally { }',
  'switch (context.Request.Method) { case "GET": return 1; case "POST": case "PUT": { return 2; } default: return 3; }',
  'Dictionary<string, string> map = new Dictionary<string, string>(); map["a"] = "b"; return map;',
  'using (var sha = SHA256.Create()) { return Convert.ToBase64String(sha.ComputeHash(new byte[0])); }',
  'unchecked { var t = 1 >> 2; } return 1;',
  'var body = context.Request.Body?.As<JObject>(true); body["a"] = "b"; return body.ToString(Newtonsoft.Json.Formatting.None);',
  'var list = new List<string>(); list.Add("a"); return string.Join(",", list.Select(s => { var t = s.Trim(); return t; }));',
  'if (x) throw new Exception("no"); return "yes";',
  'const int limit = 5; int[] values = { 1, 2 }; return values.Length < limit;',
  'string Describe(int code) => code.ToString(); return Describe(1);',
];

for (const code of VALID_EXPRESSIONS) {
  test(`valid expression: ${code}`, () => {
    assert.equal(parseCSharp(code, 'single').problem, undefined);
  });
}

for (const code of VALID_BLOCKS) {
  test(`valid block: ${code.slice(0, 60)}`, () => {
    assert.equal(parseCSharp(code, 'multi').problem, undefined);
  });
}

/** Each broken input: the problem's code and the text its range covers. */
const BROKEN: readonly { code: string; form: 'single' | 'multi'; expected: string; at: string }[] = [
  { code: 'context.Request.Headers.GetValueOrDefault("x, "")', form: 'single', expected: 'csharp-unterminated-string', at: '"' },
  { code: 'Foo((1 + 2)', form: 'single', expected: 'csharp-unbalanced-brackets', at: '(' },
  { code: 'var x = 1\nreturn x;', form: 'multi', expected: 'csharp-missing-semicolon', at: '1' },
  { code: 'var x = 1;', form: 'multi', expected: 'csharp-missing-return', at: '' },
  { code: 'context.Request.', form: 'single', expected: 'csharp-unexpected-token', at: '' },
  { code: "'abc'", form: 'single', expected: 'csharp-invalid-char', at: "'abc'" },
  { code: 'a + * b', form: 'single', expected: 'csharp-expected-expression', at: '*' },
  { code: 'a /* b', form: 'single', expected: 'csharp-unterminated-comment', at: '/*' },
  { code: '$"abc', form: 'single', expected: 'csharp-unterminated-string', at: '$"' },
  { code: 'x ] + 1', form: 'single', expected: 'csharp-unbalanced-brackets', at: ']' },
  { code: 'a # b', form: 'single', expected: 'csharp-unexpected-character', at: '#' },
];

for (const { code, form, expected, at } of BROKEN) {
  test(`broken ${form}: ${code}`, () => {
    const problem = parseCSharp(code, form).problem;
    assert.equal(problem?.code, expected, problem?.message);
    assert.equal(code.slice(problem.start, problem.end), at);
  });
}

test('valid nesting 200 deep parses completely, without a problem', () => {
  const parens = `${'('.repeat(200)}a${')'.repeat(200)}`;
  const calls = `${'Math.Abs('.repeat(200)}1${')'.repeat(200)}`;
  const ternaries = `${'a ? b : '.repeat(200)}c`;
  const lambdas = `${'x => '.repeat(200)}x`;
  for (const code of [parens, calls, ternaries, lambdas]) {
    const syntax = parseCSharp(code, 'single');
    assert.equal(syntax.problem, undefined, syntax.problem?.message);
    assert.equal(syntax.truncated, undefined, code.slice(0, 20));
  }
  const blocks = `${'if (a) { '.repeat(200)}return 1;${' }'.repeat(200)} return 0;`;
  const block = parseCSharp(blocks, 'multi');
  assert.equal(block.problem, undefined, block.problem?.message);
  assert.equal(block.truncated, undefined);
});

test('hostile nesting 100k deep: truncated, never a C# error, never a throw', () => {
  for (const [open, close] of [
    ['(', ')'],
    ['new[] { ', ' }'],
    ['f(', ')'],
    ['-', ''],
    ['a[', ']'],
  ]) {
    const code = `${open.repeat(100_000)}1${close.repeat(100_000)}`;
    const syntax = parseCSharp(code, 'single');
    assert.equal(syntax.problem, undefined, `${open}: ${syntax.problem?.message}`);
    assert.ok(syntax.truncated, `${open}: not truncated`);
  }
  const blocks = parseCSharp(`${'{ '.repeat(100_000)}return 1;${' }'.repeat(100_000)}`, 'multi');
  assert.equal(blocks.problem, undefined, blocks.problem?.message);
  assert.ok(blocks.truncated);
});

test('a real error before the depth limit is still reported', () => {
  const syntax = parseCSharp(`"a" + ; ${'('.repeat(1000)}1${')'.repeat(1000)}`, 'single');
  assert.equal(syntax.problem?.code, 'csharp-expected-expression');
});

test('in a policy: 200 levels give no finding; 100k levels one info that says the rest is not checked', () => {
  const inPolicy = (depth: number): string =>
    `<policies><inbound><set-variable name="v" value="@(${'('.repeat(depth)}context.Api.Id${')'.repeat(depth)})" /></inbound></policies>`;
  assert.deepEqual(parsePolicy(inPolicy(200)).findings, []);
  const deep = inPolicy(100_000);
  const findings = parsePolicy(deep).findings;
  assert.deepEqual(
    findings.map((finding) => [finding.code, finding.severity]),
    [['csharp-nesting-too-deep', 'info']],
  );
  assert.match(findings[0].message, /too deep for APIM Studio to check/);
  assert.equal(deep.slice(findings[0].span.start, findings[0].span.end), '(');
});

test('hostile inputs never throw', () => {
  const pieces = [
    '(',
    ')',
    '{',
    '}',
    '[',
    ']',
    '"',
    "'",
    '$"',
    '@"',
    '<',
    '>',
    'new',
    'x',
    '.',
    '?',
    ':',
    '=>',
    ';',
    ',',
    'from',
    'in',
    '/*',
    '\n',
    'is',
    'as',
    '1',
    'var',
  ];
  let seed = 7;
  for (let round = 0; round < 2000; round++) {
    let code = '';
    for (let index = 0; index < 30; index++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      code += `${pieces[seed % pieces.length]} `;
    }
    parseCSharp(code, 'single');
    parseCSharp(code, 'multi');
  }
});

test('an unterminated string in an attribute expression is one error, not a cascade of XML errors', () => {
  const text = [
    '<policies>',
    '  <inbound>',
    '    <choose>',
    '      <when condition="@(context.Request.Method == "POST)">',
    '        <set-header name="x" exists-action="override"><value>a</value></set-header>',
    '      </when>',
    '    </choose>',
    '  </inbound>',
    '</policies>',
  ].join('\n');
  const { findings } = parsePolicy(text);
  assert.deepEqual(
    findings.map((finding) => [finding.code, text.slice(finding.span.start, finding.span.end)]),
    [['csharp-unterminated-string', '"']],
  );
  assert.equal(text.slice(findings[0].span.start, findings[0].span.start + 6), '"POST)');
});

test('an unterminated string in element text is one error', () => {
  const text =
    '<policies>\n<inbound>\n<set-body>@(context.Request.Headers.GetValueOrDefault("x, ""))</set-body>\n<set-header name="a" exists-action="delete" />\n</inbound>\n</policies>';
  const { findings } = parsePolicy(text);
  assert.deepEqual(
    findings.map((finding) => finding.code),
    ['csharp-unterminated-string'],
  );
});

test('offsets map back through entities in attribute values', () => {
  const text = '<policies><inbound><set-variable name="a" value="@(&quot;x&quot; + &quot;y)" /></inbound></policies>';
  const { findings } = parsePolicy(text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].code, 'csharp-unterminated-string');
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '&quot;');
  assert.equal(findings[0].span.start, text.indexOf('&quot;y'));
});

test('a missing semicolon is reported on the statement it ends', () => {
  const text = '<policies><inbound><set-body>@{\n  var a = context.Request.Method\n  return a;\n}</set-body></inbound></policies>';
  const { findings } = parsePolicy(text);
  assert.deepEqual(
    findings.map((finding) => [finding.code, text.slice(finding.span.start, finding.span.end)]),
    [['csharp-missing-semicolon', 'Method']],
  );
});

test('@{ } without return is reported on its opening', () => {
  const text = '<policies><inbound><set-body>@{ var a = 1; }</set-body></inbound></policies>';
  const { findings } = parsePolicy(text);
  assert.deepEqual(
    findings.map((finding) => [finding.code, text.slice(finding.span.start, finding.span.end)]),
    [['csharp-missing-return', '@{']],
  );
});

test('named values in code read as identifiers (APIM substitutes them before compiling)', () => {
  const text = '<policies><inbound><set-variable name="a" value="@(&quot;{{named-value}}&quot; + {{number-value}} * 2)" /></inbound></policies>';
  assert.deepEqual(parsePolicy(text).findings, []);
});
