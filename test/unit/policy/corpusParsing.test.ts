import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import type { XmlElement, XmlNode } from '../../../server/src/engine/policy/syntaxTree';
import { CORPUS_SKIP, corpusFiles, readCorpusText } from '../../support/corpus';

/** Files that APIM itself would reject: their syntax findings are expected. */
const KNOWN_BROKEN = new Map([
  [
    'Azure__api-management-policy-snippets/examples/Call out to an HTTP endpoint and cache the response.policy.xml',
    'the source repository has a broken expression ("latlong=""") in rewrite-uri',
  ],
  [
    'Azure__api-management-policy-snippets/examples/Loopback request for service at same API Management service.xml',
    'the source repository has a mangled C# string (Ocp-Apim-Subscription-Key= followed by "") in set-variable',
  ],
  [
    'Azure-Samples__Apim-Samples/samples/load-balancing/apim-policies/aca-backend-pool-load-balancing-with-retry-tracked.xml',
    "C# has no single-quoted strings: 'Retry-After' does not compile (CS1012)",
  ],
]);

/** Element names, attributes and nesting; text is left out (the two parsers split whitespace differently). */
interface Shape {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: Shape[];
}

function ourShape(nodes: readonly XmlNode[]): Shape[] {
  return nodes
    .filter((node): node is XmlElement => node.kind === 'element')
    .map((element) => ({
      name: element.name,
      attributes: Object.fromEntries(element.attributes.map((item) => [item.name, item.value ?? ''])),
      children: ourShape(element.children),
    }));
}

type FxpNode = Record<string, unknown>;

function fxpShape(nodes: readonly FxpNode[]): Shape[] {
  const shapes: Shape[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name || name === '#text' || name.startsWith('?') || name.startsWith('#')) continue;
    const attributes = (node[':@'] ?? {}) as Record<string, string>;
    shapes.push({ name, attributes: { ...attributes }, children: fxpShape(node[name] as FxpNode[]) });
  }
  return shapes;
}

const referenceParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  processEntities: true,
  htmlEntities: false,
});

const EXPRESSION = /@[({]/;

describe('policy parser on the real-world corpus', { skip: CORPUS_SKIP }, () => {
  const files = corpusFiles('policy-xml');

  test('no syntax findings on any corpus policy that APIM accepts; known broken files still report', () => {
    let clean = 0;
    let withExpressions = 0;
    for (const file of files) {
      const text = readCorpusText(file);
      const { findings } = parsePolicy(text);
      if (KNOWN_BROKEN.has(file.relativePath)) {
        assert.ok(findings.length > 0, `${file.relativePath} should report: ${KNOWN_BROKEN.get(file.relativePath)}`);
        continue;
      }
      assert.deepEqual(
        findings.map((finding) => `${finding.code} at ${finding.span.start}: ${finding.message}`),
        [],
        file.relativePath,
      );
      clean++;
      if (EXPRESSION.test(text)) withExpressions++;
    }
    console.log(
      `corpus: ${clean} of ${files.length} policy files parse with zero syntax findings (${withExpressions} of them contain expressions); ${KNOWN_BROKEN.size} known broken`,
    );
  });

  test('the tree equals fast-xml-parser on every expression-free policy it accepts', () => {
    let compared = 0;
    let rejectedByReference = 0;
    for (const file of files) {
      const text = readCorpusText(file);
      if (EXPRESSION.test(text) || KNOWN_BROKEN.has(file.relativePath)) continue;
      if (XMLValidator.validate(text) !== true) {
        rejectedByReference++;
        continue;
      }
      const expected = fxpShape(referenceParser.parse(text) as FxpNode[]);
      assert.deepEqual(ourShape(parsePolicy(text).document.children), expected, file.relativePath);
      compared++;
    }
    console.log(
      `corpus: tree equals fast-xml-parser on ${compared} expression-free policy files (${rejectedByReference} rejected by fast-xml-parser, skipped)`,
    );
    if (files.length > 0) assert.ok(compared > 50, 'expected many expression-free corpus files');
  });

  test('every prefix of every corpus policy (cut at each line) parses without throwing, ranges inside the text', () => {
    let prefixes = 0;
    for (const file of files) {
      const text = readCorpusText(file);
      for (let cut = text.indexOf('\n'); cut !== -1; cut = text.indexOf('\n', cut + 1)) {
        const prefix = text.slice(0, cut);
        const { findings } = parsePolicy(prefix);
        for (const finding of findings) {
          assert.ok(
            finding.span.start >= 0 && finding.span.start <= finding.span.end && finding.span.end <= prefix.length,
            `${file.relativePath} cut at ${cut}: ${finding.code}`,
          );
        }
        prefixes++;
      }
    }
    console.log(`corpus: ${prefixes} line prefixes of ${files.length} policy files parsed`);
  });
});
