import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reviewSummaryText } from '../../../client/src/report/reviewSummaryText';

test('the review notification counts in the singular for one', () => {
  assert.equal(
    reviewSummaryText({ documents: 1, findings: 2, errors: 1, warnings: 1, infos: 0 }),
    'APIM Studio reviewed 1 document: 1 error, 1 warning, 0 infos.',
  );
  assert.equal(
    reviewSummaryText({ documents: 3, findings: 5, errors: 2, warnings: 0, infos: 3 }),
    'APIM Studio reviewed 3 documents: 2 errors, 0 warnings, 3 infos.',
  );
});
