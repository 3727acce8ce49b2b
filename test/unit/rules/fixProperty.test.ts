import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import type { Finding } from '../../../server/src/engine/findings/finding';
import { CORPUS_SKIP, corpusFiles, readCorpusText } from '../../support/corpus';
import { applyFix } from '../../../server/src/testing/ruleTester';

/** How many findings of each code, for the kinds a fix must never add (syntax and schema). */
function correctnessCounts(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) if (finding.kind !== 'rule') counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  return counts;
}

/**
 * Renaming an unknown element to the policy it was meant to be lets the schema check that policy's
 * attributes and gateway for the first time: those findings were hidden by the typo, not added by the fix.
 */
const REVEALED_BY_RENAME = new Set([
  'unknown-attribute',
  'invalid-attribute-value',
  'missing-required-attribute',
  'invalid-number',
  'policy-not-supported-on-gateway',
  'one-of-violation',
  'missing-required-element',
]);

function countOf(findings: readonly Finding[], code: string): number {
  return findings.filter((finding) => finding.code === code).length;
}

test('every fix offered on every corpus policy adds no syntax or schema problem and removes its finding', { skip: CORPUS_SKIP }, () => {
  const context = createAnalysisContext();
  let applied = 0;
  const problems: string[] = [];
  for (const file of corpusFiles('policy-xml')) {
    const text = readCorpusText(file).replace(/^\uFEFF/, '');
    const path = `/corpus/${file.relativePath}`;
    const before = analyseDocument({ path, text }, context).findings;
    const beforeCounts = correctnessCounts(before);
    for (const finding of before) {
      for (const fix of finding.fixes) {
        const after = analyseDocument({ path, text: applyFix(text, fix) }, context).findings;
        applied++;
        for (const [code, count] of correctnessCounts(after)) {
          if (finding.code === 'unknown-element' && REVEALED_BY_RENAME.has(code)) continue;
          if (count > (beforeCounts.get(code) ?? 0)) problems.push(`${file.relativePath}: "${fix.title}" (${finding.code}) adds ${code}`);
        }
        if (countOf(after, finding.code) >= countOf(before, finding.code)) problems.push(`${file.relativePath}: "${fix.title}" leaves ${finding.code}`);
      }
    }
  }
  console.log(`corpus: ${applied} fixes applied`);
  assert.deepEqual(problems, []);
});
