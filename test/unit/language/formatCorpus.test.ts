import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPolicy, type FormattingEdit } from '../../../server/src/engine/language/formatPolicy';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import type { XmlDocument, XmlNode } from '../../../server/src/engine/policy/syntaxTree';
import { allElements } from '../../../server/src/engine/policy/treeQueries';
import { CORPUS_SKIP, corpusFiles, readCorpusText } from '../../support/corpus';

function apply(text: string, edits: readonly FormattingEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

/** What formatting must keep: every element with its attributes, non-blank text, CDATA, comments and expression code. */
function essentials(document: XmlDocument): string[] {
  const text = document.text;
  const facts: string[] = [];
  const describeNode = (node: XmlNode): string | undefined => {
    if (node.kind === 'element')
      return `<${node.name} ${node.attributes.map((attribute) => `${attribute.name}=${attribute.value ?? ''}`).join(' ')}> children=${node.children.filter((child) => child.kind === 'element').length}`;
    if (node.kind === 'text') return /^[ \t\r\n]*$/.test(node.value) ? undefined : `text ${node.value}`;
    return `${node.kind} ${text.slice(node.span.start, node.span.end)}`;
  };
  for (const element of allElements(document)) {
    facts.push(describeNode(element) ?? '');
    for (const child of element.children) {
      if (child.kind !== 'element') facts.push(describeNode(child) ?? '');
    }
    for (const embedded of [
      ...element.attributes.flatMap((attribute) => attribute.embedded),
      ...element.children.flatMap((child) => (child.kind === 'text' ? child.embedded : [])),
    ]) {
      if (embedded.kind === 'expression') facts.push(`code ${text.slice(embedded.codeSpan.start, embedded.codeSpan.end)}`);
    }
  }
  return facts.filter((fact) => fact !== '');
}

describe('formatting the corpus', { skip: CORPUS_SKIP }, () => {
  const files = corpusFiles('policy-xml');

  test('every corpus policy keeps its tree and expression texts, and a second pass changes nothing', () => {
    let formattedCount = 0;
    for (const file of files) {
      const text = readCorpusText(file);
      const before = parsePolicy(text);
      const edits = formatPolicy(text, { tabSize: 4, insertSpaces: true });
      if (before.findings.some((finding) => finding.severity === 'error')) {
        assert.deepEqual(edits, [], `${file.relativePath}: has syntax errors, must stay unchanged`);
        continue;
      }
      const formatted = apply(text, edits);
      const after = parsePolicy(formatted);
      assert.deepEqual(
        after.findings.map((finding) => finding.code),
        before.findings.map((finding) => finding.code),
        file.relativePath,
      );
      assert.deepEqual(essentials(after.document), essentials(before.document), file.relativePath);
      assert.deepEqual(formatPolicy(formatted, { tabSize: 4, insertSpaces: true }), [], `${file.relativePath}: second pass`);
      if (edits.length > 0) formattedCount++;
    }
    if (files.length > 0) assert.ok(formattedCount > 0, 'some corpus file should need re-indenting');
  });
});
