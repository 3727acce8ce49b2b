import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { CORPUS_SKIP, corpusFiles, readCorpusText } from '../../support/corpus';
import { documentViolations } from '../../fuzz/documentInvariants';
import { fixturePolicies } from '../../fuzz/fuzzSources';

/** Documents cut off inside every kind of construct. */
const CUT_OFF = [
  '<',
  '<!',
  '<!-',
  '<!--',
  '<![CDATA[',
  '<?xml',
  '<!DOCTYPE x [',
  '</',
  '<policies',
  '<policies a',
  '<policies a=',
  '<policies a="',
  "<policies a='x",
  '<policies>&',
  '<policies>&#',
  '<policies>&#x',
  '<policies>&am',
  '<policies>{{',
  '<policies>{{name',
  '<policies>{{name}',
  '<policies><inbound><set-body>@(',
  '<policies><inbound><set-body>@{',
  '<policies><inbound><set-body>@($"{',
  '<policies><inbound><set-body>@($@"{x}',
  '<policies><inbound><set-body>@(@"',
  "<policies><inbound><set-body>@('",
  '<policies><inbound><set-body>@("\\',
  '<policies><inbound><set-body>@(/*',
  '<policies><inbound><set-body>@(//',
  '<policies><inbound><x a="@(',
  '<policies><inbound><x a="@{',
  '<policies><inbound><x a="@(x == "',
];

function findingSpans(text: string): [string, { start: number; end: number }][] {
  return parsePolicy(text).findings.map((finding) => [finding.code, finding.span]);
}

describe('documents that end in the middle of a construct', () => {
  test('every cut-off construct breaks no invariant', () => {
    for (const text of CUT_OFF) assert.deepEqual(documentViolations(text), [], JSON.stringify(text));
  });

  test('an unterminated comment at EOF is reported at its opening', () => {
    assert.deepEqual(findingSpans('<policies><!-- never closed'), [
      ['xml-unterminated-comment', { start: 10, end: 14 }],
      ['xml-unclosed-element', { start: 1, end: 9 }],
    ]);
  });

  test('an unterminated expression in element text at EOF is reported at its @(', () => {
    const text = '<policies><inbound><set-body>@(context.Request.Body.As<string>(';
    const at = text.indexOf('@(');
    const spans = findingSpans(text);
    assert.deepEqual(
      spans.find(([code]) => code === 'expression-unterminated'),
      ['expression-unterminated', { start: at, end: at + 2 }],
    );
  });

  test('an unterminated expression in an attribute value at EOF is reported at its @{', () => {
    const text = '<policies><inbound><set-variable name="x" value="@{ return "a";';
    const at = text.indexOf('@{');
    const spans = findingSpans(text);
    assert.deepEqual(
      spans.find(([code]) => code === 'expression-unterminated'),
      ['expression-unterminated', { start: at, end: at + 2 }],
    );
  });
});

/** The corpus policy closest to 5 KB, so the check covers a real document of useful size. */
function corpusPolicyNear5KB(): { name: string; text: string } | undefined {
  const files = corpusFiles('policy-xml');
  if (files.length === 0) return undefined;
  const closest = files.reduce((best, file) =>
    Math.abs(statSync(file.absolutePath).size - 5000) < Math.abs(statSync(best.absolutePath).size - 5000) ? file : best,
  );
  return { name: closest.relativePath, text: readCorpusText(closest) };
}

describe('every prefix of a large policy', () => {
  const sources = [fixturePolicies().find((source) => source.name.endsWith('large-policy.xml')), corpusPolicyNear5KB()];
  if (!sources[1]) test('a corpus policy near 5 KB: cut at every character', { skip: CORPUS_SKIP }, () => {});
  for (const source of sources) {
    if (!source) continue;
    test(`${source.name}: cut at every character, parse and analysis keep every invariant`, () => {
      assert.ok(source.text.length > 4000);
      for (let length = 0; length <= source.text.length; length++) {
        const problems = documentViolations(source.text.slice(0, length));
        if (problems.length > 0) assert.fail(`prefix of ${length} characters: ${problems.join('; ')}`);
      }
    });
  }
});
