import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseDocument } from '../../../server/src/engine/analysis/analyseDocument';
import { createAnalysisContext } from '../../../server/src/engine/analysis/defaultAnalysisContext';
import type { Finding } from '../../../server/src/engine/findings/finding';
import { findTemplatePolicies } from '../../../server/src/engine/templates/embeddedPolicies';
import { applyFix } from '../../../server/src/testing/ruleTester';
import { armTemplate, readTemplate } from '../../../server/src/testing/ruleTester';

const context = createAnalysisContext();

function analyse(path: string, text: string): Finding[] {
  const result = analyseDocument({ path, text }, context);
  assert.deepEqual(result.failures, []);
  return result.findings;
}

function policyResource(type: string, name: string, value: string, format = 'rawxml'): string {
  return `    {
      "type": "${type}",
      "apiVersion": "2022-08-01",
      "name": "${name}",
      "properties": { "format": "${format}", "value": ${JSON.stringify(value).replace(/A/g, '\\u0041')} }
    }`;
}

describe('embedded policies in ARM templates', () => {
  const policy =
    '<policies>\n  <inbound>\n    <base />\n    <trace source="A">\n      <message>@(context.Subscription.Key)</message>\n    </trace>\n  </inbound>\n</policies>';
  const text = armTemplate(policyResource('Microsoft.ApiManagement/service/apis/policies', 'svc/orders/policy', policy));

  test('a finding lands on the characters inside the JSON string', () => {
    const tracing = analyse('/nowhere/azuredeploy.json', text).filter((finding) => finding.code === 'tracing-enabled');
    assert.equal(tracing.length, 1);
    const start = text.indexOf('<trace') + 1;
    assert.deepEqual(tracing[0].span, { start, end: start + 'trace'.length });
  });

  test('the fix maps back through escapes and leaves a template whose policy has no trace', () => {
    const [tracing] = analyse('/nowhere/azuredeploy.json', text).filter((finding) => finding.code === 'tracing-enabled');
    const fixed = applyFix(text, tracing.fixes[0]);
    const value = JSON.parse(fixed).resources[0].properties.value as string;
    assert.equal(value, '<policies>\n  <inbound>\n    <base />\n  </inbound>\n</policies>');
    assert.deepEqual(
      analyse('/nowhere/azuredeploy.json', fixed).filter((finding) => finding.code === 'tracing-enabled'),
      [],
    );
  });

  test('a span that covers an escape widens to the whole escape', () => {
    const broken = armTemplate(policyResource('Microsoft.ApiManagement/service/policies', 'svc/policy', '<policies><inbound><bogus-A /></inbound></policies>'));
    const unknown = analyse('/nowhere/t.json', broken).find((finding) => finding.code === 'unknown-element');
    assert.ok(unknown, 'the unknown element is reported');
    assert.equal(broken.slice(unknown.span.start, unknown.span.end), 'bogus-\\u0041');
  });

  test('the scope comes from the resource type, and xml-link policies are links', () => {
    const model = readTemplate(
      'arm',
      armTemplate(
        [
          policyResource('Microsoft.ApiManagement/service/policies', 'svc/policy', '<policies/>'),
          policyResource('Microsoft.ApiManagement/service/products/policies', 'svc/p/policy', '<policies/>'),
          policyResource('Microsoft.ApiManagement/service/apis/operations/policies', 'svc/a/o/policy', '<policies/>'),
          policyResource('Microsoft.ApiManagement/service/policyFragments', 'svc/f', '<fragment/>'),
          policyResource('Microsoft.ApiManagement/service/apis/policies', 'svc/a/policy', 'https://example.com/p.xml', 'xml-link'),
        ].join(',\n'),
      ),
    );
    const { embedded, linked } = findTemplatePolicies(model);
    assert.deepEqual(
      embedded.map((policy) => policy.scope),
      ['global', 'product', 'operation', 'fragment'],
    );
    assert.deepEqual(
      linked.map((policy) => policy.scope),
      ['api'],
    );
  });

  test('nested resources get full types and a policy in a variable maps into the variable', () => {
    const nested = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "variables": { "policy": "<policies><inbound><trace source=\\"v\\"><message>@(context.Subscription.Key)</message></trace></inbound></policies>" },
  "resources": [
    {
      "type": "Microsoft.ApiManagement/service", "apiVersion": "2022-08-01", "name": "svc",
      "resources": [
        { "type": "apis", "apiVersion": "2022-08-01", "name": "[concat('svc', '/orders')]",
          "resources": [ { "type": "policies", "apiVersion": "2022-08-01", "name": "policy", "properties": { "value": "[variables('policy')]", "format": "rawxml" } } ] }
      ]
    }
  ]
}`;
    const model = readTemplate('arm', nested);
    assert.deepEqual(
      model.resources.map((resource) => [resource.type, resource.nameSegments.join('/')]),
      [
        ['Microsoft.ApiManagement/service', 'svc'],
        ['Microsoft.ApiManagement/service/apis', 'svc/svc/orders'],
        ['Microsoft.ApiManagement/service/apis/policies', 'svc/svc/orders/policy'],
      ],
    );
    const tracing = analyse('/nowhere/nested.json', nested).filter((finding) => finding.code === 'tracing-enabled');
    assert.equal(tracing.length, 1);
    assert.equal(nested.slice(tracing[0].span.start, tracing[0].span.end), 'trace');
    assert.ok(tracing[0].span.start < nested.indexOf('"resources"'), 'the finding is in the variables section');
  });
});

describe('embedded policies in Bicep', () => {
  test("a multi-line ''' string maps findings and fixes exactly", () => {
    const text = `resource svc 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
  name: 'svc'
}

resource policy 'Microsoft.ApiManagement/service/apis/policies@2023-05-01-preview' = {
  name: 'svc/orders/policy'
  properties: {
    format: 'rawxml'
    value: '''
<policies>
  <inbound>
    <base />
    <trace source="x">
      <message>it's @(context.Subscription.Key)</message>
    </trace>
  </inbound>
</policies>'''
  }
}
`;
    const tracing = analyse('/nowhere/main.bicep', text).filter((finding) => finding.code === 'tracing-enabled');
    assert.equal(tracing.length, 1);
    const start = text.indexOf('<trace') + 1;
    assert.deepEqual(tracing[0].span, { start, end: start + 5 });
    const fixed = applyFix(text, tracing[0].fixes[0]);
    assert.ok(!fixed.includes('<trace'));
    assert.ok(fixed.includes("    <base />\n  </inbound>\n</policies>'''"));
  });

  test('a single-quoted string with escapes maps back, and fix text is re-escaped', () => {
    const text =
      "resource p 'Microsoft.ApiManagement/service/policies@2023-05-01-preview' = {\n  name: 'svc/policy'\n  properties: {\n    value: '<policies><inbound><set-header name=\\'x\\' exists-action=\"override\"><value>a</value></set-header><trace source=\\'t\\'><message>@(context.Subscription.Key)</message></trace></inbound></policies>'\n    format: 'rawxml'\n  }\n}\n";
    const tracing = analyse('/nowhere/p.bicep', text).filter((finding) => finding.code === 'tracing-enabled');
    assert.equal(tracing.length, 1);
    assert.equal(text.slice(tracing[0].span.start, tracing[0].span.end), 'trace');
    const fixed = applyFix(text, tracing[0].fixes[0]);
    assert.ok(!fixed.includes('<trace'));
    assert.ok(fixed.includes("<set-header name=\\'x\\'"));
  });

  test('loadTextContent links to a file and is not analysed inline', () => {
    const model = readTemplate(
      'bicep',
      "resource p 'Microsoft.ApiManagement/service/apis/policies@2023-05-01-preview' = {\n  name: 'svc/a/policy'\n  properties: {\n    format: 'rawxml'\n    value: loadTextContent('policy.xml')\n  }\n}\n",
    );
    const { embedded, linked } = findTemplatePolicies(model);
    assert.equal(embedded.length, 0);
    assert.deepEqual(
      linked.map((policy) => policy.scope),
      ['api'],
    );
  });
});
