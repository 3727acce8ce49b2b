import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findingViolations } from '../../fuzz/documentInvariants';
import { fuzzSources } from '../../fuzz/fuzzSources';
import { fuzzCase, formatFailure, runFuzz } from '../../fuzz/policyFuzzer';
import { shrinkCase } from '../../fuzz/shrinkCase';

const SEED = 8;

describe('mutation fuzzing (short pass)', () => {
  test('2,000 seeded mutations of the corpus policies: no exception, every range inside the document, no slow case', () => {
    const report = runFuzz({ seed: SEED, cases: 2000, seconds: 6, timeMultiple: 40, maxFailures: 3, sources: fuzzSources() });
    assert.deepEqual(
      report.failures.map((failure) => formatFailure(failure, SEED)),
      [],
    );
    assert.ok(report.casesRun > 0);
  });

  test('cases are reproducible from the seed and index', () => {
    const sources = [{ name: 'tiny', text: '<policies><inbound><base /></inbound></policies>' }];
    assert.deepEqual(fuzzCase(SEED, 41, sources), fuzzCase(SEED, 41, sources));
    assert.notDeepEqual(fuzzCase(SEED, 41, sources).text, fuzzCase(SEED + 1, 41, sources).text);
  });

  test('the shrinker reduces a failing input to a minimal one', () => {
    const shrunk = shrinkCase('<policies><inbound>@(oops</inbound></policies>', (candidate) => candidate.includes('@(o'));
    assert.equal(shrunk, '@(o');
  });

  test('the range check catches a span past the end and a fix edit before the start', () => {
    const problems = findingViolations(
      [
        { code: 'a', kind: 'syntax', severity: 'error', message: '', span: { start: 2, end: 11 }, docsUrl: '', fixes: [] },
        {
          code: 'b',
          kind: 'syntax',
          severity: 'error',
          message: '',
          span: { start: 0, end: 1 },
          docsUrl: '',
          fixes: [{ title: 't', isPreferred: false, edits: [{ span: { start: -1, end: 0 }, newText: '' }] }],
        },
      ],
      10,
    );
    assert.equal(problems.length, 2);
  });
});
