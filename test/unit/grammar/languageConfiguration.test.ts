import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths';

interface AutoClosingPair {
  readonly open: string;
  readonly close: string;
  readonly notIn?: readonly string[];
}

interface OnEnterRule {
  readonly beforeText: string;
  readonly afterText?: string;
  readonly action: { readonly indent: string };
}

interface LanguageConfiguration {
  readonly comments: { readonly blockComment: readonly [string, string] };
  readonly autoClosingPairs: readonly AutoClosingPair[];
  readonly folding: { readonly markers: { readonly start: string; readonly end: string } };
  readonly wordPattern: string;
  readonly indentationRules: { readonly increaseIndentPattern: string; readonly decreaseIndentPattern: string };
  readonly onEnterRules: readonly OnEnterRule[];
}

const configuration = JSON.parse(readFileSync(join(REPO_ROOT, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;

test('package.json points the apim-policy language at the configuration file', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { languages: { id: string; configuration?: string }[] };
  };
  const language = manifest.contributes.languages.find((candidate) => candidate.id === 'apim-policy');
  assert.equal(language?.configuration, './language-configuration.json');
});

test('comments are XML comments', () => {
  assert.deepEqual(configuration.comments.blockComment, ['<!--', '-->']);
});

test('quotes, {{ }} and brackets auto-close; quotes not inside strings or comments', () => {
  const pairs = new Map(configuration.autoClosingPairs.map((pair) => [pair.open, pair]));
  assert.equal(pairs.get('{{')?.close, '}}');
  assert.deepEqual(pairs.get('"')?.notIn, ['string', 'comment']);
  assert.deepEqual(pairs.get("'")?.notIn, ['string', 'comment']);
  for (const [open, close] of [
    ['(', ')'],
    ['{', '}'],
    ['[', ']'],
  ])
    assert.equal(pairs.get(open)?.close, close);
});

test('a word is a whole policy, attribute or named-value name, dashes included', () => {
  const words = '<rate-limit-by-key counter-key="{{tenant-key}}" />'.match(new RegExp(configuration.wordPattern, 'g'));
  assert.deepEqual(words, ['rate-limit-by-key', 'counter-key', 'tenant-key']);
  assert.deepEqual('context.Request.Headers'.match(new RegExp(configuration.wordPattern, 'g')), ['context', 'Request', 'Headers']);
});

test('#region comments fold', () => {
  assert.match('  <!-- #region throttling -->', new RegExp(configuration.folding.markers.start));
  assert.match('  <!-- #endregion -->', new RegExp(configuration.folding.markers.end));
  assert.doesNotMatch('  <!-- a region of code -->', new RegExp(configuration.folding.markers.start));
});

test('indentation grows after an open tag and not after a self-closing or closed one', () => {
  const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
  assert.match('    <inbound>', increase);
  assert.match('<when condition="@(a > b)">', increase);
  assert.doesNotMatch('    <base />', increase);
  assert.doesNotMatch('<set-method>GET</set-method>', increase);
  assert.doesNotMatch('<?xml version="1.0"?>', increase);
  assert.match('  </inbound>', new RegExp(configuration.indentationRules.decreaseIndentPattern));
});

test('Enter between an open and its closing tag indents the middle line and outdents the closing tag', () => {
  const [between, afterOpen] = configuration.onEnterRules;
  assert.equal(between.action.indent, 'indentOutdent');
  assert.match('  <inbound>', new RegExp(between.beforeText));
  assert.match('</inbound>', new RegExp(between.afterText ?? '$^'));
  assert.equal(afterOpen.action.indent, 'indent');
  assert.doesNotMatch('  <base />', new RegExp(afterOpen.beforeText));
});
