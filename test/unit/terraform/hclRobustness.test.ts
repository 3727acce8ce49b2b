import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_HCL_DEPTH, parseHcl } from '../../../server/src/engine/templates/terraform/hclParser';
import { countStringWork } from '../../fuzz/stringWork';
import { seededRandom } from '../../fuzz/seededRandom';
import { assertSpansInside, treeHeight } from '../bicep/bicepTreeChecks';

/** A Terraform file with every construct the parser knows, to cut and mutate. */
const SAMPLE = `terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

variable "sku" {
  type    = string
  default = "Developer_1"
}

locals {
  tags  = merge(var.tags, { env = "dev" })
  names = [for k, v in var.apis : upper(k) if v != null]
  map   = { for k, v in var.apis : k => v... }
}

resource "azurerm_api_management" "apim" {
  name                = "apim-\${var.env}-%{ if var.x }x%{ endif }"
  sku_name            = var.sku
  zones               = var.zones != null ? var.zones : ["1", "2"]
  security {
    frontend_tls10_enabled = false # comment
  }
  identity { type = "SystemAssigned" }
}

resource "azurerm_api_management_api_policy" "p" {
  api_name    = azurerm_api_management_api.api[0].name
  xml_content = <<-XML
    <policies>
      <inbound>
        <base />
        <set-header name="x" exists-action="override"><value>\${var.value}</value></set-header>
      </inbound>
    </policies>
  XML
  other = "a\\"b $\${c} %%{d} \\u00e9"
  /* block */ ids = azurerm_x.y.*.id
}
`;

function checkTolerant(text: string, label: string): void {
  const result = parseHcl(text);
  assertSpansInside(result, text.length, label);
}

describe('HCL parser robustness', () => {
  test('the sample parses clean', () => {
    assert.deepEqual(parseHcl(SAMPLE).findings, []);
  });

  test('every character prefix of the sample parses without throwing, spans inside', () => {
    for (let cut = 0; cut <= SAMPLE.length; cut++) checkTolerant(SAMPLE.slice(0, cut), `prefix ${cut}`);
  });

  test('seeded mutations (deletions and HCL punctuation) never throw and keep spans inside', () => {
    const random = seededRandom(20261202);
    const alphabet = [
      '{',
      '}',
      '[',
      ']',
      '(',
      ')',
      '"',
      '\\',
      '$',
      '${',
      '%{',
      '<<EOT\n',
      '<<-',
      '#',
      '/*',
      '=',
      ',',
      '\n',
      '.',
      '...',
      '?',
      ':',
      '=>',
      '~',
      'for ',
    ];
    for (let round = 0; round < 400; round++) {
      let text = SAMPLE;
      const edits = 1 + Math.floor(random() * 5);
      for (let edit = 0; edit < edits; edit++) {
        const at = Math.floor(random() * (text.length + 1));
        if (random() < 0.5) text = text.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
      }
      checkTolerant(text, `round ${round}`);
    }
  });

  test('a million nested brackets neither overflow nor build a tree deeper than the limit', () => {
    for (const opener of ['[', '(', '{', '"${', 'b {\n', '!']) {
      const text = opener.endsWith('\n') ? opener.repeat(200_000) : `a = ${opener.repeat(200_000)}`;
      const result = parseHcl(text);
      assert.equal(result.findings.filter((finding) => finding.code === 'hcl-nesting-too-deep').length, 1, opener);
      assert.ok(treeHeight(result.file) < MAX_HCL_DEPTH * 8, opener);
    }
  });

  test('long chains stay iterative', () => {
    const cases = [`a = 1${' + 1'.repeat(100_000)}`, `a = b${'.c'.repeat(100_000)}`, `a = b${'[0]'.repeat(50_000)}`, `a = [${'1, '.repeat(100_000)}]`];
    for (const text of cases) assert.doesNotThrow(() => parseHcl(text));
  });
});

describe('HCL parsing work grows linearly with the document', () => {
  const cases: { name: string; unit: string }[] = [
    { name: 'resource blocks', unit: 'resource "a" "b" {\n  name = "x-${var.y}"\n  tags = { a = 1, b = [1, 2] }\n}\n' },
    { name: 'unterminated strings', unit: 'a = "abc\n' },
    { name: 'unclosed brackets on one line', unit: 'a = [(' },
    { name: 'unclosed interpolations', unit: 'a = "${' },
    { name: 'heredoc openers without markers', unit: 'a = <<EOT\n' },
    { name: 'flush heredoc lines', unit: '    <x a="${b}" />\n' },
    { name: 'stray closers', unit: '}])' },
    { name: 'object items on one line', unit: 'k = v, ' },
  ];
  for (const { name, unit } of cases) {
    test(name, () => {
      const wrap = (count: number): string =>
        name === 'flush heredoc lines'
          ? `a = <<-EOT\n${unit.repeat(count)}EOT\n`
          : name === 'object items on one line'
            ? `a = { ${unit.repeat(count)} }\n`
            : unit.repeat(count);
      const perChar = (count: number): number => {
        const text = wrap(count);
        return countStringWork(() => parseHcl(text)) / text.length;
      };
      const growth = perChar(800) / perChar(100);
      assert.ok(growth < 2, `work per character grew ${growth.toFixed(1)}x when the document grew 8x`);
    });
  }
});
