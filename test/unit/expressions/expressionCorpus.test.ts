import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import type { XmlNode } from '../../../server/src/engine/policy/syntaxTree';
import { checkExpressions } from '../../../server/src/engine/expressions/checkExpressions';
import { corpusFiles, readCorpusText } from '../../support/corpus';

/**
 * Every expression finding on the real corpus, each with the reason an experienced APIM engineer agrees with
 * it. Anything not listed here is a false positive (or a new true one that needs its reason written down).
 */
const EXPECTED: readonly { file: string; code: string; reason: string }[] = [
  {
    file: 'Azure-Samples__Apim-Samples/samples/load-balancing/apim-policies/aca-backend-pool-load-balancing-with-retry-tracked.xml',
    code: 'csharp-invalid-char',
    reason: "C# has no single-quoted strings: 'Retry-After' and 'updatedRetryEpoch' do not compile (CS1012)",
  },
  {
    file: 'Azure__api-management-policy-snippets/examples/Call out to an HTTP endpoint and cache the response.policy.xml',
    code: 'csharp-unexpected-token',
    reason: 'the file was mangled upstream: "latlong=""" is two adjacent strings',
  },
  {
    file: 'Azure__api-management-policy-snippets/examples/Call out to an HTTP endpoint and cache the response.policy.xml',
    code: 'expression-unterminated',
    reason: 'the same mangling leaves the rewrite-uri @{ without its closing brace',
  },
  {
    file: 'Azure__api-management-policy-snippets/examples/Loopback request for service at same API Management service.xml',
    code: 'csharp-unexpected-token',
    reason: 'the file was mangled upstream: "Ocp-Apim-Subscription-Key=""" is two adjacent strings',
  },
];

function isExpressionFinding(code: string): boolean {
  return code.startsWith('csharp-') || code.startsWith('expression-');
}

function countExpressions(nodes: readonly XmlNode[]): number {
  let count = 0;
  for (const node of nodes) {
    if (node.kind === 'element') {
      for (const item of node.attributes) count += item.embedded.filter((embedded) => embedded.kind === 'expression').length;
      count += countExpressions(node.children);
    } else if (node.kind === 'text') {
      count += node.embedded.filter((embedded) => embedded.kind === 'expression').length;
    }
  }
  return count;
}

const policyFiles = corpusFiles('policy-xml');

test('policy expressions in the corpus: no expression finding without a reason', { skip: policyFiles.length === 0 && 'corpus absent' }, () => {
  let expressions = 0;
  const found: { file: string; code: string; line: number; message: string }[] = [];
  for (const file of policyFiles) {
    const text = readCorpusText(file);
    const { document, findings } = parsePolicy(text);
    expressions += countExpressions(document.children);
    for (const finding of [...findings, ...checkExpressions(document)]) {
      if (!isExpressionFinding(finding.code)) continue;
      found.push({ file: file.relativePath, code: finding.code, line: text.slice(0, finding.span.start).split('\n').length, message: finding.message });
    }
  }
  const unexplained = found.filter((item) => !EXPECTED.some((expected) => expected.file === item.file && expected.code === item.code));
  const stale = EXPECTED.filter((expected) => !found.some((item) => item.file === expected.file && item.code === expected.code));
  console.log(`corpus: ${expressions} policy expressions in ${policyFiles.length} files; ${found.length} expression findings, all explained`);
  assert.deepEqual(unexplained, []);
  assert.deepEqual(stale, []);
});

const templateFiles = corpusFiles('arm-json');

test('policies embedded in corpus ARM templates: no expression findings', { skip: templateFiles.length === 0 && 'corpus absent' }, () => {
  const context = createAnalysisContext();
  const found: string[] = [];
  for (const file of templateFiles) {
    const analysis = analyseDocument({ path: file.absolutePath, text: readCorpusText(file) }, context);
    for (const finding of analysis.findings) if (isExpressionFinding(finding.code)) found.push(`${file.relativePath}: ${finding.code} ${finding.message}`);
  }
  assert.deepEqual(found, []);
});
