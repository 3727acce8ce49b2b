import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { documentViolations } from '../../fuzz/documentInvariants';
import { seededRandom } from '../../fuzz/seededRandom';
import { reviewAsJson, writeWorkspace } from './cliRunner';

function randomBytes(seed: number, length: number): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);
const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));

describe('binary content and encodings', () => {
  test('a NUL byte is reported once, at its offset', () => {
    const text = '<policies>\0<inbound>\0\0</inbound></policies>';
    const { findings } = parsePolicy(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.span, finding.message]),
      [['xml-invalid-character', { start: 10, end: 11 }, 'Character U+0000 is not allowed in XML; is this a binary file?']],
    );
  });

  test('random binary content (read as Latin-1 and as UTF-8) breaks no invariant', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const bytes = randomBytes(seed, 64 * 1024);
      for (const text of [`<policies>${latin1(bytes)}`, latin1(bytes), utf8(bytes)]) {
        assert.deepEqual(documentViolations(text), [], `seed ${seed}`);
      }
    }
  });

  test('invalid UTF-8 read from disk by the CLI: reviewed, no crash, later positions count each bad byte as one U+FFFD', () => {
    const before = new TextEncoder().encode('<policies>\n  <inbound>\n    <set-header name="x-');
    const invalid = Uint8Array.from([0xc3, 0x28, 0xff, 0xfe, 0xe2, 0x82]);
    const after = new TextEncoder().encode('" exists-action="override"><value>&bogus;</value></set-header>\n  </inbound>\n</policies>\n');
    const dir = writeWorkspace({ 'policy.xml': concat(before, invalid, after) });
    const result = reviewAsJson(dir);
    assert.equal(result.status, 0, result.stderr);
    const decodedLine = utf8(concat(invalid, after));
    const column = '    <set-header name="x-'.length + decodedLine.indexOf('&bogus;');
    const entity = result.findings.find((finding) => finding.ruleId === 'xml-unknown-entity');
    assert.deepEqual(entity?.range, { start: { line: 2, character: column }, end: { line: 2, character: column + 7 } });
  });

  test('a byte order mark does not shift positions on the first line of the CLI report (editors hide it)', () => {
    const dir = writeWorkspace({ 'policy.xml': '\uFEFF<policies><inbound></policies>\n' });
    const result = reviewAsJson(join(dir, 'policy.xml'));
    const unclosed = result.findings.find((finding) => finding.ruleId === 'xml-unclosed-element');
    // '<policies><' is 11 characters: `inbound` starts at column 11 as any editor shows the file.
    assert.deepEqual(unclosed?.range, { start: { line: 0, character: 11 }, end: { line: 0, character: 18 } });
  });

  test('a byte order mark before the XML declaration is not a misplaced declaration', () => {
    const text = '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<policies>\n  <inbound />\n</policies>\n';
    assert.deepEqual(parsePolicy(text).findings, []);
  });
});
