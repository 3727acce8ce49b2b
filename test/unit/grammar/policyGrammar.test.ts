import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import { FIXTURES } from '../../support/paths';
import {
  CSHARP_LANGUAGE_ID,
  GRAMMAR_PATH,
  POLICY_LANGUAGE_ID,
  POLICY_SCOPE,
  StandardTokenType,
  csharpGrammarPath,
  grammarContribution,
  loadPolicyGrammar,
  tokenAt,
  tokenize,
  type PolicyToken,
} from './policyTokenizer';

const EMBEDDED = 'meta.embedded.expression.apim-policy';
const EXPRESSION_END = 'punctuation.section.embedded.end.apim-policy';
const NAMED_VALUE = 'variable.other.named-value.apim-policy';
const POLICY_TAG = 'entity.name.tag.policy.apim-policy';
const STRUCTURE_TAG = 'entity.name.tag.structure.apim-policy';

function has(token: PolicyToken, scope: string): boolean {
  return token.scopes.includes(scope);
}

function assertScope(token: PolicyToken, scope: string): void {
  assert.ok(has(token, scope), `"${token.text}" at ${token.line}:${token.start} lacks ${scope}: ${token.scopes.join(' ')}`);
}

function assertNoScope(token: PolicyToken, scope: string): void {
  assert.ok(!has(token, scope), `"${token.text}" at ${token.line}:${token.start} has ${scope}: ${token.scopes.join(' ')}`);
}

test('package.json maps the grammar file, its scope name and the embedded expression scope to C#', () => {
  const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string };
  assert.equal(raw.scopeName, POLICY_SCOPE);
  const contribution = grammarContribution();
  assert.equal(contribution.path, './syntaxes/apim-policy.tmLanguage.json');
  assert.deepEqual(contribution.embeddedLanguages, { [EMBEDDED]: 'csharp' });
});

// The same behaviour must hold with no C# grammar installed and with the real one (which brings its own
// begin/end rules that could otherwise run past the end of an expression).
const modes: { name: string; withCsharp: boolean; skip: string | false }[] = [
  { name: 'without a C# grammar', withCsharp: false, skip: false },
  {
    name: 'with the C# grammar from tm-grammars',
    withCsharp: true,
    skip: csharpGrammarPath() === undefined ? 'tm-grammars is not installed' : false,
  },
];

for (const mode of modes) {
  describe(`policy grammar ${mode.name}`, { skip: mode.skip }, () => {
    let grammar: IGrammar;
    before(async () => {
      grammar = await loadPolicyGrammar(mode.withCsharp);
    });

    test('an attribute expression keeps nested quotes, && and generics inside and ends at its balancing )', () => {
      const text = '<when condition="@(context.Request.Method == "POST" && context.Variables.GetValueOrDefault<bool>("x"))">';
      const tokens = tokenize(grammar, text);
      const post = tokenAt(tokens, text, 'POST');
      assertScope(post, EMBEDDED);
      assertScope(post, 'string.quoted.double.cs');
      for (const needle of ['&&', '<bool>', '"x"']) assertScope(tokenAt(tokens, text, needle), EMBEDDED);
      const close = tokenAt(tokens, text, '))"', 0, 1);
      assert.equal(close.text, ')');
      assertScope(close, EXPRESSION_END);
      assertNoScope(close, EMBEDDED);
      const quote = tokenAt(tokens, text, ')"', 0, 1);
      assertScope(quote, 'punctuation.definition.string.end.xml');
      assertNoScope(tokenAt(tokens, text, '">', 0, 1), 'string.quoted.double.xml');
      assert.equal(tokens.finalDepth, 1);
    });

    test('tokens inside an expression are C# and not string-typed, so brackets and auto-closing work there', () => {
      const text = '<set-variable name="n" value="@(context.Variables.GetValueOrDefault<int>("n", 0) + 1)" />';
      const tokens = tokenize(grammar, text);
      const inner = tokenAt(tokens, text, '("n"');
      assert.equal(inner.languageId, CSHARP_LANGUAGE_ID);
      assert.equal(inner.standardType, StandardTokenType.Other);
      const opener = tokenAt(tokens, text, '@(');
      assert.equal(opener.languageId, POLICY_LANGUAGE_ID);
      assert.equal(tokenAt(tokens, text, '"n"', 0, 1).standardType, StandardTokenType.String);
      assert.equal(tokenAt(tokens, text, 'name="n"', 0, 6).standardType, StandardTokenType.String);
    });

    test('a statement block in element text keeps < and > inside and the closing tag stays a tag', () => {
      const text = '<set-body>@{ var b = context.Request.Body.As<JObject>(); return b.ToString(); }</set-body>';
      const tokens = tokenize(grammar, text);
      const generic = tokenAt(tokens, text, 'JObject');
      assertScope(generic, EMBEDDED);
      assertNoScope(generic, 'entity.name.tag.xml');
      const end = tokenAt(tokens, text, '}</');
      assert.equal(end.text, '}');
      assertScope(end, EXPRESSION_END);
      const closingName = tokenAt(tokens, text, 'set-body', 1);
      assertScope(closingName, POLICY_TAG);
      assert.equal(closingName.scopes.length, 3, closingName.scopes.join(' '));
      assert.equal(tokens.finalDepth, 1);
    });

    test('comments, strings, verbatim and interpolated strings may hold ) } and quotes without ending the block', () => {
      const text = readFileSync(join(FIXTURES, 'grammar', 'expressions.policy.xml'), 'utf8');
      const tokens = tokenize(grammar, text);
      assertScope(tokenAt(tokens, text, 'a comment with )'), 'comment.line.double-slash.cs');
      assertScope(tokenAt(tokens, text, 'return "}"', 0, 8), 'string.quoted.double.cs');
      assertScope(tokenAt(tokens, text, 'verbatim ""quoted"" )', 0, 20), 'string.quoted.double.cs');
      assertScope(tokenAt(tokens, text, '{context.Request.Url.Path}', 0, 1), EMBEDDED);
      const blockEnd = tokenAt(tokens, text, '}" />');
      assertScope(blockEnd, EXPRESSION_END);
      assertScope(tokenAt(tokens, text, 'rewrite-uri'), POLICY_TAG);
      assert.equal(tokens.finalDepth, 1);
    });

    test('named values are highlighted in attribute values, element text, CDATA and C# strings', () => {
      const text = readFileSync(join(FIXTURES, 'grammar', 'expressions.policy.xml'), 'utf8');
      const tokens = tokenize(grammar, text);
      for (const name of ['backend-key', 'body.id', 'literal', 'order-suffix']) {
        const token = tokenAt(tokens, text, `{{${name}}}`, 0, 2);
        assert.equal(token.text, name);
        assertScope(token, NAMED_VALUE);
      }
      assertScope(tokenAt(tokens, text, '{{literal}}'), 'string.quoted.double.cs');
      assertScope(tokenAt(tokens, text, '{{literal}}'), EMBEDDED);
      assertScope(tokenAt(tokens, text, '{{body.id}}', 0, 2), 'string.unquoted.cdata.xml');
    });

    test('a single-quoted attribute may hold an expression with double-quoted C# strings', () => {
      const text = `<set-variable name="user" value='@(context.User?.Email ?? "anonymous")' />`;
      const tokens = tokenize(grammar, text);
      assertScope(tokenAt(tokens, text, 'anonymous'), 'string.quoted.double.cs');
      assertScope(tokenAt(tokens, text, `)'`), EXPRESSION_END);
      assertScope(tokenAt(tokens, text, `)'`, 0, 1), 'punctuation.definition.string.end.xml');
      assert.equal(tokens.finalDepth, 1);
    });

    test('policy, structural and other element names get their own scopes; near misses are plain tags', () => {
      const text = '<inbound><rate-limit-by-key calls="1" /><rate-limit-by-keys /><choose><when></when></choose></inbound>';
      const tokens = tokenize(grammar, text);
      assertScope(tokenAt(tokens, text, 'inbound'), STRUCTURE_TAG);
      assertScope(tokenAt(tokens, text, 'inbound', 1), STRUCTURE_TAG);
      assertScope(tokenAt(tokens, text, 'rate-limit-by-key '), POLICY_TAG);
      const nearMiss = tokenAt(tokens, text, 'rate-limit-by-keys');
      assert.equal(nearMiss.text, 'rate-limit-by-keys');
      assertScope(nearMiss, 'entity.name.tag.xml');
      assertScope(tokenAt(tokens, text, 'choose', 1), POLICY_TAG);
      assertScope(tokenAt(tokens, text, 'when'), 'entity.name.tag.xml');
      assertScope(tokenAt(tokens, text, 'calls'), 'entity.other.attribute-name.xml');
    });

    test('XML comments, CDATA, entities and the XML declaration', () => {
      const text = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<policies><!-- @(not an expression) {{not-a-named-value}} -->',
        '<set-body><![CDATA[<raw> & text]]></set-body>',
        '<set-header name="a&amp;b" />',
        '</policies>',
      ].join('\n');
      const tokens = tokenize(grammar, text);
      assertScope(tokenAt(tokens, text, 'xml'), 'meta.tag.preprocessor.xml');
      assertScope(tokenAt(tokens, text, 'version'), 'entity.other.attribute-name.xml');
      const comment = tokenAt(tokens, text, '@(not');
      assertScope(comment, 'comment.block.xml');
      assertNoScope(comment, EMBEDDED);
      assertNoScope(tokenAt(tokens, text, 'not-a-named-value'), NAMED_VALUE);
      assertScope(tokenAt(tokens, text, '<raw>'), 'string.unquoted.cdata.xml');
      assertScope(tokenAt(tokens, text, '&amp;'), 'constant.character.entity.xml');
      assert.equal(tokens.finalDepth, 1);
    });

    test('an @ inside a word is not an expression', () => {
      const text = '<value>ops@(example).com</value>';
      const tokens = tokenize(grammar, text);
      assertNoScope(tokenAt(tokens, text, 'example'), EMBEDDED);
    });

    // Only an expression left open at its own level can be cut short: once a C# rule of the real grammar is
    // open (a call, a return statement), that rule decides where it ends.
    test('an unbalanced expression stops at the end of its attribute or before the closing tag', () => {
      const text = ['<set-variable name="a" value="@(context.Request.Url.Query" />', '<set-body>@(context.Request.Body</set-body>', '<base />'].join('\n');
      const tokens = tokenize(grammar, text);
      assertScope(tokenAt(tokens, text, 'Query'), EMBEDDED);
      assertScope(tokenAt(tokens, text, '" />', 0, 2), 'punctuation.definition.tag.xml');
      const closing = tokenAt(tokens, text, 'set-body', 1);
      assertScope(closing, POLICY_TAG);
      assertNoScope(closing, EMBEDDED);
      assertScope(tokenAt(tokens, text, 'base'), STRUCTURE_TAG);
      assert.equal(tokens.finalDepth, 1);
    });
  });
}
