import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import type { XmlNode } from '../../../server/src/engine/policy/syntaxTree';
import { reviewPaths } from '../../../server/src/engine/review/reviewFiles';
import { documentViolations } from '../../fuzz/documentInvariants';

const SECRET_MARKER = 'TOP-SECRET-ENTITY-CONTENT';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE policies [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<policies>
  <inbound>
    <set-header name="x-laugh" exists-action="override">
      <value>&lol9;</value>
    </set-header>
  </inbound>
</policies>
`;

function externalEntityPolicy(secretPath: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE policies [
  <!ENTITY xxe SYSTEM "file://${secretPath}">
  <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">
  %remote;
]>
<policies>
  <inbound>
    <set-header name="x-leak" exists-action="override">
      <value>&xxe;</value>
    </set-header>
  </inbound>
</policies>
`;
}

/** Every decoded text and attribute value in the tree, iteratively. */
function decodedValues(nodes: readonly XmlNode[]): string[] {
  const values: string[] = [];
  const pending = [...nodes];
  while (pending.length > 0) {
    const node = pending.pop() as XmlNode;
    if (node.kind === 'text' || node.kind === 'cdata') values.push(node.value);
    if (node.kind === 'element') {
      for (const attribute of node.attributes) if (attribute.value !== undefined) values.push(attribute.value);
      pending.push(...node.children);
    }
  }
  return values;
}

type Patchable = Record<string, unknown>;

/**
 * Wraps file and network functions so any use is recorded; touching the secret file throws, as a
 * file that must never be opened would. Restored after each test.
 */
class AccessSpy {
  readonly files: string[] = [];
  readonly network: string[] = [];
  private readonly restores: (() => void)[] = [];

  constructor(private readonly secretPath: string) {}

  install(): void {
    for (const name of ['readFileSync', 'openSync', 'readFile', 'open', 'createReadStream', 'statSync', 'existsSync', 'accessSync', 'readdirSync']) {
      this.wrap(fs as unknown as Patchable, name, (args) => {
        const path = String(args[0]);
        this.files.push(path);
        if (path.includes(this.secretPath)) throw new Error(`the secret file was opened: ${path}`);
      });
    }
    for (const name of ['readFile', 'open']) {
      this.wrap(fs.promises as unknown as Patchable, name, (args) => {
        this.files.push(String(args[0]));
        throw new Error(`async file access: ${String(args[0])}`);
      });
    }
    for (const [module, names] of [
      [http, ['request', 'get']],
      [https, ['request', 'get']],
      [net, ['connect', 'createConnection']],
    ] as const) {
      for (const name of names) {
        this.wrap(module as unknown as Patchable, name, (args) => {
          this.network.push(`${name} ${JSON.stringify(args[0])}`);
          throw new Error('network access during analysis');
        });
      }
    }
  }

  uninstall(): void {
    for (const restore of this.restores.splice(0)) restore();
  }

  private wrap(target: Patchable, name: string, before: (args: unknown[]) => void): void {
    const original = target[name] as (...args: unknown[]) => unknown;
    target[name] = function (this: unknown, ...args: unknown[]) {
      before(args);
      return original.apply(this, args);
    };
    this.restores.push(() => {
      target[name] = original;
    });
  }
}

describe('DOCTYPE and entity definitions', () => {
  const folder = mkdtempSync(join(tmpdir(), 'apim-doctype-'));
  const secretPath = join(folder, 'secret-entity.txt');
  writeFileSync(secretPath, SECRET_MARKER);
  let spy: AccessSpy;

  beforeEach(() => {
    spy = new AccessSpy(secretPath);
  });
  afterEach(() => spy.uninstall());

  test('billion laughs: the DOCTYPE is reported, &lol9; is reported as unknown and kept verbatim', () => {
    const { document, findings } = parsePolicy(BILLION_LAUGHS);
    const doctype = BILLION_LAUGHS.indexOf('<!DOCTYPE');
    const reference = BILLION_LAUGHS.indexOf('&lol9;</value>');
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.span]),
      [
        ['xml-doctype', { start: doctype, end: doctype + 9 }],
        ['xml-unknown-entity', { start: reference, end: reference + 6 }],
      ],
    );
    const values = decodedValues(document.children);
    assert.ok(values.includes('&lol9;'));
    assert.ok(!values.some((value) => value.includes('lollol')), 'an entity was expanded');
    assert.deepEqual(documentViolations(BILLION_LAUGHS), []);
  });

  test('external entities: reported, never resolved; the SYSTEM file and the network are never touched', () => {
    const text = externalEntityPolicy(secretPath);
    spy.install();
    const analysis = analyseDocument({ path: join(folder, 'apis', 'x', 'policy.xml'), text }, createAnalysisContext());
    const parsed = parsePolicy(text);
    spy.uninstall();
    assert.deepEqual(
      spy.files.filter((path) => path.includes('secret')),
      [],
    );
    assert.deepEqual(spy.network, []);
    const codes = analysis.findings.map((finding) => finding.code);
    assert.ok(codes.includes('xml-doctype'));
    assert.ok(codes.includes('xml-unknown-entity'));
    assert.ok(!codes.includes('internal-error'));
    assert.ok(!JSON.stringify(analysis.findings).includes(SECRET_MARKER));
    assert.ok(decodedValues(parsed.document.children).includes('&xxe;'));
  });

  test('reviewing a folder with such a policy reads the policy and nothing it names', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'apim-doctype-ws-'));
    fs.mkdirSync(join(workspace, 'apis', 'x'), { recursive: true });
    writeFileSync(join(workspace, 'apis', 'x', 'policy.xml'), externalEntityPolicy(secretPath));
    spy.install();
    const result = reviewPaths([workspace], createAnalysisContext());
    spy.uninstall();
    assert.deepEqual(
      spy.files.filter((path) => path.includes('secret')),
      [],
    );
    assert.deepEqual(spy.network, []);
    assert.equal(result.documentCount, 1);
    assert.ok(result.files[0].findings.some((finding) => finding.code === 'xml-doctype'));
  });

  test('the spy itself works: reading the secret file through fs throws and is recorded', () => {
    spy.install();
    assert.throws(() => fs.readFileSync(secretPath, 'utf8'), /secret file was opened/);
    spy.uninstall();
    assert.deepEqual(spy.files, [secretPath]);
  });
});
