import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBicep } from '../../../server/src/engine/templates/bicep/bicepParser';
import { LineMap } from '../../../server/src/engine/text/lineMap';
import { corpusFiles, readCorpusText } from '../../support/corpus';
import { corpusAvailable } from '../../support/paths';

test('every Bicep file and parameters file of the corpus parses with zero syntax findings', { skip: corpusAvailable() ? false : '../shared/corpus not found' }, () => {
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
