import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import type { Finding } from '../../../server/src/engine/findings/finding';
import { findTemplatePolicies } from '../../../server/src/engine/templates/embeddedPolicies';
import { applyFix, readTemplate } from '../../../server/src/testing/ruleTester';

const context = createAnalysisContext();

function analyse(path: string, text: string): { kindId: string | undefined; findings: Finding[] } {
  const result = analyseDocument({ path, text }, context);
  assert.deepEqual(result.failures, []);
  return { kindId: result.kindId, findings: result.findings };
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

const HEREDOC = `resource "azurerm_api_management_api_policy" "orders" {
  api_name            = "orders"
  api_management_name = "apim"
  resource_group_name = "rg"
  xml_content         = <<-XML
    <policies>
      <inbound>
        <base />
        <trace source="orders">
          <message>@(context.Subscription.Key)</message>
        </trace>
        <set-backend-service base-url="\${var.backend}" />
      </inbound>
    </policies>
  XML
}
`;

describe('Terraform: policies in xml_content', () => {
  test('a finding in a <<- heredoc lands on the exact characters and line', () => {
    const { kindId, findings } = analyse('/nowhere/main.tf', HEREDOC);
    assert.equal(kindId, 'terraform');
    const tracing = findings.filter((finding) => finding.code === 'tracing-enabled');
    assert.equal(tracing.length, 1);
    const start = HEREDOC.indexOf('<trace') + 1;
    assert.deepEqual(tracing[0].span, { start, end: start + 'trace'.length });
    assert.equal(lineOf(HEREDOC, tracing[0].span.start), 9);
  });

  test('the fix edits inside the heredoc and keeps its indentation', () => {
    const [tracing] = analyse('/nowhere/main.tf', HEREDOC).findings.filter((finding) => finding.code === 'tracing-enabled');
    const fixed = applyFix(HEREDOC, tracing.fixes[0]);
    assert.ok(!fixed.includes('<trace'));
    assert.ok(fixed.includes('        <base />\n        <set-backend-service'), fixed);
    assert.deepEqual(
      analyse('/nowhere/main.tf', fixed).findings.filter((finding) => finding.code === 'tracing-enabled'),
      [],
    );
  });

  test('a <<- heredoc with holes starts after the removed indentation, and inserted lines get it back', () => {
    const [policy] = findTemplatePolicies(readTemplate('terraform', HEREDOC)).embedded;
    const literal = policy.content.literalText;
    assert.ok(literal !== undefined);
    assert.equal(literal.sourceSpan.start, HEREDOC.indexOf('<policies>'));
    assert.ok(literal.value.includes('base-url="${var.backend}"'));
    assert.equal(policy.style.escape('a\n<b/>'), 'a\n    <b/>');
  });

  test('a policy in a quoted string maps through escapes, and fixes are escaped for HCL', () => {
    const text =
      'resource "azurerm_api_management_policy" "global" {\n  api_management_id = "x"\n  xml_content = "<policies><inbound><trace source=\\"a\\"><message>@(context.Subscription.Key)</message></trace></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>"\n}\n';
    const tracing = analyse('/nowhere/main.tf', text).findings.filter((finding) => finding.code === 'tracing-enabled');
    assert.equal(tracing.length, 1);
    assert.equal(text.slice(tracing[0].span.start, tracing[0].span.end), 'trace');
  });

  test('the scope comes from the resource type; xml_link and file() are links', () => {
    const model = readTemplate(
      'terraform',
      `resource "azurerm_api_management_product_policy" "p" {
  product_id  = "starter"
  xml_content = "<policies/>"
}
resource "azurerm_api_management_api_operation_policy" "o" {
  xml_content = local.policy
}
resource "azurerm_api_management_policy_fragment" "f" {
  value = <<XML
<fragment/>
XML
}
resource "azurerm_api_management_api_policy" "linked" {
  xml_link = "https://example.com/p.xml"
}
resource "azurerm_api_management_api_policy" "file" {
  xml_content = file("\${path.module}/policy.xml")
}
locals {
  policy = "<policies/>"
}
`,
    );
    const { embedded, linked } = findTemplatePolicies(model);
    assert.deepEqual(
      embedded.map((policy) => policy.scope),
      ['product', 'operation', 'fragment'],
    );
    assert.deepEqual(
      embedded.map((policy) => policy.style.id),
      ['hcl', 'hcl', 'hcl-heredoc'],
    );
    assert.equal(linked.length, 2);
  });
});

describe('Terraform: the document kind', () => {
  const folder = mkdtempSync(join(tmpdir(), 'apim-terraform-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('values come from variable defaults, overridden by terraform.tfvars and *.auto.tfvars', () => {
    writeFileSync(join(folder, 'variables.tf'), 'variable "sku" {\n  default = "Premium_2"\n}\nvariable "tls10" {\n  default = false\n}\n');
    writeFileSync(join(folder, 'terraform.tfvars'), 'sku = "Developer_1"\n');
    writeFileSync(join(folder, 'z.auto.tfvars'), 'tls10 = true\n');
    const path = join(folder, 'main.tf');
    const text =
      'resource "azurerm_api_management" "apim" {\n  name     = "apim"\n  sku_name = var.sku\n  security {\n    frontend_tls10_enabled = var.tls10\n  }\n}\n';
    const codes = analyse(path, text).findings.map((finding) => finding.code);
    assert.ok(codes.includes('developer-tier-in-production'), codes.join());
    assert.ok(codes.includes('legacy-tls-enabled'), codes.join());
  });

  test('# and // suppressions work; an unused one is reported', () => {
    const text =
      'resource "azurerm_api_management" "apim" {\n  name     = "apim"\n  # apim-studio-disable-next-line developer-tier-in-production: a sandbox\n  sku_name = "Developer_1"\n  // apim-studio-disable-next-line legacy-tls-enabled: nothing here\n  zones = []\n}\n';
    const findings = analyse('/nowhere/main.tf', text).findings;
    assert.ok(!findings.some((finding) => finding.code === 'developer-tier-in-production'));
    assert.equal(findings.filter((finding) => finding.code === 'unused-suppression').length, 1);
  });

  test('Terraform files that declare no APIM resource get no findings, syntax included', () => {
    assert.deepEqual(analyse('/nowhere/network.tf', 'resource "azurerm_virtual_network" "v" {\n  name = \n').findings, []);
    assert.equal(
      analyse('/nowhere/main.tf', 'resource "azurerm_api_management" "a" {\n  name = \n}\n').findings.filter((finding) => finding.kind === 'syntax').length,
      1,
    );
  });
});
