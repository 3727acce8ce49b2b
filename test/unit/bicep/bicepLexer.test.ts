import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lexBicep } from '../../../server/src/engine/templates/bicep/bicepLexer';

function kinds(text: string): string[] {
  return lexBicep(text).tokens.map((token) => token.kind);
}

function texts(text: string): string[] {
  return lexBicep(text).tokens.map((token) => text.slice(token.start, token.end));
}

describe('bicep lexer', () => {
  test('operators are lexed longest first', () => {
    const source = 'a ?? b .? c ... d :: e == f != g =~ h !~ i <= j >= k && l || m => n ! o ? p : q | r < s > t + u - v * w / x % y = z @ ;';
    const operators = texts(source).filter((piece) => !/^[a-z]$/.test(piece) && piece !== '');
    assert.deepEqual(operators, [
      '??',
      '.?',
      '...',
      '::',
      '==',
      '!=',
      '=~',
      '!~',
      '<=',
      '>=',
      '&&',
      '||',
      '=>',
      '!',
      '?',
      ':',
      '|',
      '<',
      '>',
      '+',
      '-',
      '*',
      '/',
      '%',
      '=',
      '@',
      ';',
    ]);
  });

  test('newlines are tokens, consecutive line breaks merge, comments are kept aside', () => {
    const source = 'var a = 1 // note\r\n\r\n/* block\n comment */ var b = 2\n';
    const result = lexBicep(source);
    assert.deepEqual(kinds(source), ['identifier', 'identifier', '=', 'number', 'newline', 'identifier', 'identifier', '=', 'number', 'newline', 'eof']);
    assert.deepEqual(
      result.comments.map((comment) => [comment.kind, source.slice(comment.start, comment.end)]),
      [
        ['line', '// note'],
        ['block', '/* block\n comment */'],
      ],
    );
    assert.deepEqual(result.findings, []);
  });

  test('an interpolated string is split into left, middle and right pieces around nested expressions', () => {
    const source = "'a${x}b${ {k: 'v'}.k }c'";
    assert.deepEqual(texts(source), ["'a${", 'x', '}b${', '{', 'k', ':', "'v'", '}', '.', 'k', "}c'", '']);
    assert.deepEqual(kinds(source).slice(0, 3), ['string-left', 'identifier', 'string-middle']);
    const right = lexBicep(source).tokens[10];
    assert.equal(right.kind, 'string-right');
    assert.equal(right.literal?.value, 'c');
    assert.deepEqual(right.literal?.sourceSpan, { start: 22, end: 23 });
  });

  test('nested interpolated strings keep their own pieces', () => {
    const source = "'o${'i${e}'}'";
    assert.deepEqual(texts(source), ["'o${", "'i${", 'e', "}'", "}'", '']);
  });

  test('a multi-line string is one verbatim token; extra closing quotes belong to the value', () => {
    const source = "'''\nit's ${raw} \\n'''' x";
    const token = lexBicep(source).tokens[0];
    assert.equal(token.kind, 'multiline-string');
    assert.equal(source.slice(token.start, token.end), "'''\nit's ${raw} \\n''''");
    assert.equal(token.literal?.value, "it's ${raw} \\n'");
    assert.deepEqual(token.literal?.sourceSpan, { start: 4, end: 19 });
  });

  test('an unterminated string stops at the line end and is reported', () => {
    const source = "var a = 'abc\nvar b = 1";
    const result = lexBicep(source);
    assert.equal(result.tokens[3].kind, 'string-complete');
    assert.equal(result.tokens[3].closed, false);
    assert.deepEqual({ start: result.tokens[3].start, end: result.tokens[3].end }, { start: 8, end: 12 });
    assert.deepEqual(
      result.findings.map((finding) => [finding.code, finding.span]),
      [['bicep-unterminated-string', { start: 8, end: 12 }]],
    );
    assert.equal(result.tokens[4].kind, 'newline');
  });

  test('a line break inside ${} closes the string with an empty right piece', () => {
    const source = "'a${b\nc";
    const result = lexBicep(source);
    assert.deepEqual(
      result.tokens.map((token) => [token.kind, token.start, token.end]),
      [
        ['string-left', 0, 4],
        ['identifier', 4, 5],
        ['string-right', 5, 5],
        ['newline', 5, 6],
        ['identifier', 6, 7],
        ['eof', 7, 7],
      ],
    );
    assert.equal(result.findings[0].code, 'bicep-unterminated-string');
  });

  test('bad escapes, stray characters, double quotes and unclosed comments are reported with exact spans', () => {
    const source = '\'a\\qb\\u{110000}\' & "x" /* open';
    const findings = lexBicep(source).findings.map((finding) => [finding.code, source.slice(finding.span.start, finding.span.end)]);
    assert.deepEqual(findings, [
      ['bicep-invalid-escape', '\\q'],
      ['bicep-invalid-escape', '\\u{110000}'],
      ['bicep-unexpected-character', '&'],
      ['bicep-unexpected-character', '"'],
      ['bicep-unexpected-character', '"'],
      ['bicep-unterminated-comment', '/*'],
    ]);
    assert.match(lexBicep('"').findings[0].message, /single quotes/);
    assert.match(lexBicep('"').findings[0].docsUrl, /syntax\.md#bicep-unexpected-character$/);
  });

  test('#disable-next-line is a directive only at the start of a line', () => {
    const source = '#disable-next-line BCP081\nvar a = 1 #disable-next-line';
    const result = lexBicep(source);
    assert.deepEqual(
      result.comments.map((comment) => [comment.kind, comment.start, comment.end]),
      [['directive', 0, 25]],
    );
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0].code, 'bicep-unexpected-character');
  });

  test('a byte order mark is skipped', () => {
    const result = lexBicep('\ufeffparam');
    assert.deepEqual([result.tokens[0].kind, result.tokens[0].start], ['identifier', 1]);
  });
});

describe('bicep lexer: newer syntax', () => {
  test('an interpolated multi-line string is split into multi-line pieces; a lone run of $ is one finding', () => {
    const source = "$'''\na ${x} b\n'''";
    const tokens = lexBicep(source).tokens;
    assert.deepEqual(
      tokens.map((token) => [token.kind, source.slice(token.start, token.end), token.multiline ?? false]),
      [
        ['string-left', "$'''\na ${", true],
        ['identifier', 'x', false],
        ['string-right', "} b\n'''", true],
        ['eof', '', false],
      ],
    );
    assert.equal(tokens[0].literal?.value, 'a ');
    assert.deepEqual(
      lexBicep('$$$ x').findings.map((finding) => finding.span),
      [{ start: 0, end: 3 }],
    );
  });

  test('pragmas at the start of a line are directives; ^ is an operator', () => {
    const source = '#disable-diagnostics BCP081\nvar a = b[^1]\n#restore-diagnostics BCP081';
    const result = lexBicep(source);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(
      result.comments.map((comment) => comment.kind),
      ['directive', 'directive'],
    );
    assert.ok(result.tokens.some((token) => token.kind === '^'));
  });
});
