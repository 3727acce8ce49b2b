import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { BICEP_SYNTAX_CODES } from '../../../server/src/engine/templates/bicep/bicepSyntaxFindings';
import { parseBicep } from '../../../server/src/engine/templates/bicep/bicepParser';
import { LineMap } from '../../../server/src/engine/text/lineMap';
import { corpusFiles, readCorpusText } from '../../support/corpus';
import { corpusAvailable } from '../../support/paths';

const corpusSkip = corpusAvailable() ? false : '../shared/corpus not found';
const SYNTAX_CODES = new Set<string>(BICEP_SYNTAX_CODES);

test('every Bicep file and parameters file of the corpus parses with zero syntax findings', { skip: corpusSkip }, () => {
  const files = corpusFiles('bicep');
  assert.ok(files.length >= 215, `the corpus lists ${files.length} Bicep files`);
  const problems: string[] = [];
  for (const file of files) {
    const text = readCorpusText(file);
    const { findings } = parseBicep(text, { fileKind: file.relativePath.endsWith('.bicepparam') ? 'parameters' : 'template' });
    const lines = new LineMap(text);
    for (const finding of findings) problems.push(`${file.relativePath}:${lines.positionAt(finding.span.start).line + 1} ${finding.code} ${finding.message}`);
  }
  assert.deepEqual(problems, []);
});

test('every Bicep file of the corpus is analysed (with its parameters files) without a rule failure or a syntax finding', { skip: corpusSkip }, () => {
  const context = createAnalysisContext();
  const problems: string[] = [];
  for (const file of corpusFiles('bicep')) {
    const result = analyseDocument({ path: file.absolutePath, text: readCorpusText(file) }, context);
    assert.equal(result.kindId, file.relativePath.endsWith('.bicepparam') ? 'bicep-params' : 'bicep', file.relativePath);
    for (const failure of result.failures) problems.push(`${file.relativePath}: rule ${failure.ruleId} threw`);
    for (const finding of result.findings) {
      if (SYNTAX_CODES.has(finding.code) || finding.code === 'internal-error') problems.push(`${file.relativePath}: ${finding.code} ${finding.message}`);
    }
  }
  assert.deepEqual(problems, []);
});
