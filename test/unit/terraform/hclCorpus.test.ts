import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHcl } from '../../../server/src/engine/templates/terraform/hclParser';
import { CORPUS_SKIP, corpusFiles, readCorpusText } from '../../support/corpus';
import { assertSpansInside } from '../bicep/bicepTreeChecks';

const files = corpusFiles('terraform');

test('every corpus Terraform file (.tf and .tfvars) parses with no syntax finding', { skip: CORPUS_SKIP }, () => {
  const problems: string[] = [];
  let blocks = 0;
  for (const file of files) {
    const text = readCorpusText(file);
    const result = parseHcl(text);
    assertSpansInside(result, text.length, file.relativePath);
    blocks += result.file.body.items.filter((item) => item.kind === 'block').length;
    for (const finding of result.findings.slice(0, 3)) problems.push(`${file.relativePath}@${finding.span.start}: ${finding.code} ${finding.message}`);
  }
  console.log(`terraform corpus: ${files.length} files, ${blocks} top-level blocks`);
  assert.ok(files.length >= 100);
  assert.deepEqual(problems, []);
});
