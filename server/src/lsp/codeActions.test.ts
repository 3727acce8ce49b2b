import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/findings/finding';
import { XML_COMMENT } from '../engine/findings/commentStyle';
import { codeActions } from './codeActions';
import { toDiagnostic } from './toLsp';

const TEXT = '<policies>\n  <inbound>\n    <base />\n  </inbound>\n</policies>\n';
const document = TextDocument.create('file:///ws/apis/a/policy.xml', 'apim-policy', 1, TEXT);
const inbound = { start: TEXT.indexOf('<inbound>') + 1, end: TEXT.indexOf('<inbound>') + 8 };

function ruleFinding(code: string, message: string, fixTitle?: string): Finding {
  return {
    code,
    kind: 'rule',
    severity: 'warning',
    message,
    span: inbound,
    docsUrl: `https://example.test/${code}`,
    fixes: fixTitle ? [{ title: fixTitle, edits: [{ span: { start: inbound.end + 1, end: inbound.end + 1 }, newText: 'x' }], isPreferred: false }] : [],
  };
}

test('one suppress and one learn-more entry per rule, after the fixes (each distinct fix once)', () => {
  const findings = [
    ruleFinding('rate-limit-missing', 'via product free: no rate limit', 'Add rate-limit-by-key'),
    ruleFinding('rate-limit-missing', 'via product starter: no rate limit', 'Add rate-limit-by-key'),
    ruleFinding('rate-limit-missing', 'via product gold: no rate limit'),
    ruleFinding('auth-missing', 'anyone can call'),
  ];
  const diagnostics = findings.map((finding) => toDiagnostic(document, finding));
  const actions = codeActions(
    document,
    findings,
    { textDocument: { uri: document.uri }, range: diagnostics[0].range, context: { diagnostics } },
    () => XML_COMMENT,
  );
  assert.deepEqual(
    actions.map((action) => action.title),
    [
      'Add rate-limit-by-key',
      'Suppress rate-limit-missing on this line (with a reason)',
      'Suppress auth-missing on this line (with a reason)',
      'Learn more about rate-limit-missing',
      'Learn more about auth-missing',
    ],
  );
  assert.equal(actions[1].diagnostics?.length, 3, 'the one suppression answers all three findings of its rule');
  assert.deepEqual(actions[3].command?.arguments, ['https://example.test/rate-limit-missing']);
});

test('no suppress entry where the document cannot hold a directive', () => {
  const findings = [ruleFinding('auth-missing', 'anyone can call')];
  const diagnostics = findings.map((finding) => toDiagnostic(document, finding));
  const actions = codeActions(
    document,
    findings,
    { textDocument: { uri: document.uri }, range: diagnostics[0].range, context: { diagnostics } },
    () => undefined,
  );
  assert.deepEqual(
    actions.map((action) => action.title),
    ['Learn more about auth-missing'],
  );
});
