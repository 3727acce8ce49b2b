import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { definitionTarget } from '../../../server/src/engine/language/definitionTarget';
import { LOOSE_DOCUMENT } from '../../../server/src/engine/language/languageEnvironment';
import { policyCompletions } from '../../../server/src/engine/language/policyCompletions';
import { policyHover } from '../../../server/src/engine/language/policyHover';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { CORPUS_SKIP, corpusFiles, readCorpusText } from '../../support/corpus';

const SAMPLE = [
  '<policies>\n  <inbound>\n    <base />\n    <set-header name="a" exists-action="override">\n      <value>@(context.Request.Headers.GetValueOrDefault("a", "")){{nv}}</value>',
  '    </set-header>\n    <choose>\n      <when condition="@{ return context.Variables.ContainsKey(\\"x\\"); }">\n        <set-body><![CDATA[raw]]></set-body>',
  '      </when>\n    </choose>\n    <!-- note -->\n  </inbound>\n</policies>\n',
].join('\n');

/** Every feature at an offset: must not throw, and completions must replace a range around the cursor. */
function exerciseAt(text: string, offset: number): void {
  const document = parsePolicy(text).document;
  for (const trigger of [undefined, '<', ' ', '.']) {
    for (const completion of policyCompletions(document, offset, LOOSE_DOCUMENT, trigger)) {
      assert.ok(
        completion.replace.start <= offset && offset <= completion.replace.end,
        `replace range ${JSON.stringify(completion.replace)} misses offset ${offset}`,
      );
      assert.ok(completion.replace.end <= text.length);
    }
  }
  policyHover(document, offset, LOOSE_DOCUMENT);
  definitionTarget(document, offset, LOOSE_DOCUMENT);
}

describe('language features on arbitrary input', () => {
  test('every offset of a policy and of each of its truncations', () => {
    for (let end = 0; end <= SAMPLE.length; end += 7) {
      const text = SAMPLE.slice(0, end);
      exerciseAt(text, text.length);
    }
    for (let offset = 0; offset <= SAMPLE.length; offset++) exerciseAt(SAMPLE, offset);
  });

  test('sampled offsets of every corpus policy', { skip: CORPUS_SKIP }, () => {
    for (const file of corpusFiles('policy-xml')) {
      const text = readCorpusText(file);
      const step = Math.max(1, Math.floor(text.length / 15));
      for (let offset = 0; offset <= text.length; offset += step) exerciseAt(text, offset);
    }
  });
});
