import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTemplateCallGraph } from '../../../server/src/engine/workspace/templateCallGraph';
import { DeploymentViews } from '../../../server/src/engine/workspace/deploymentView';

const ARM_SCHEMA = '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"';
const SERVICE = "resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {\n  name: 'svc'\n}\n";
const EXISTING = "resource apim 'Microsoft.ApiManagement/service@2024-05-01' existing = {\n  name: 'svc'\n}\n";
const DIAGNOSTIC = "resource diag 'Microsoft.ApiManagement/service/apis/diagnostics@2024-05-01' = {\n  parent: api\n  name: 'applicationinsights'\n}\n";

function views(files: Record<string, string>): DeploymentViews {
  const read = (path: string): string | undefined => files[path];
  return new DeploymentViews(buildTemplateCallGraph(Object.keys(files), read), read);
}

describe('template call graph', () => {
  test('follows Bicep modules, ARM linked templates and Terraform module folders', () => {
    const files: Record<string, string> = {
      'infra/main.bicep':
        "module apim 'modules/apim.bicep' = {\n  name: 'apim'\n}\nmodule avm 'br/public:avm/res/api-management/service:0.9.0' = {\n  name: 'x'\n}\n",
      'infra/modules/apim.bicep': SERVICE,
      'arm/azuredeploy.json': `{ ${ARM_SCHEMA}, "resources": [ { "type": "Microsoft.Resources/deployments", "properties": { "templateLink": { "relativePath": "nested/apis.json" } } }, { "type": "Microsoft.Resources/deployments", "properties": { "templateLink": { "uri": "[uri(deployment().properties.templateLink.uri, 'nested/logging.json')]" } } } ] }`,
      'arm/nested/apis.json': `{ ${ARM_SCHEMA}, "resources": [] }`,
      'arm/nested/logging.json': `{ ${ARM_SCHEMA}, "resources": [] }`,
      'arm/service.parameters.json': '{ "parameters": {} }',
      'tf/main.tf': 'module "apim" {\n  source = "./modules/apim"\n}\nmodule "net" {\n  source = "Azure/network/azurerm"\n}\n',
      'tf/modules/apim/main.tf': 'resource "azurerm_api_management" "apim" {}\n',
      'tf/modules/apim/logging.tf': 'resource "azurerm_api_management_logger" "ai" {}\n',
      'lone.bicep': "module gone './missing.bicep' = {\n  name: 'gone'\n}\n",
    };
    const graph = buildTemplateCallGraph(Object.keys(files), (path) => files[path]);
    assert.deepEqual(graph.templates.includes('arm/service.parameters.json'), false);
    assert.deepEqual(graph.calleesOf('infra/main.bicep'), ['infra/modules/apim.bicep']);
    assert.deepEqual(graph.callersOf('infra/modules/apim.bicep'), ['infra/main.bicep']);
    assert.equal(graph.callsUnseen('infra/main.bicep'), true, 'a registry module is out of sight');
    assert.deepEqual(graph.calleesOf('arm/azuredeploy.json'), ['arm/nested/apis.json', 'arm/nested/logging.json']);
    assert.equal(graph.callsUnseen('arm/azuredeploy.json'), false);
    assert.deepEqual(graph.calleesOf('tf/main.tf'), ['tf/modules/apim/main.tf', 'tf/modules/apim/logging.tf']);
    assert.equal(graph.callsUnseen('tf/main.tf'), true, 'a registry module source is out of sight');
    assert.equal(graph.callsUnseen('lone.bicep'), true, 'a module file the folder lacks is out of sight');
    assert.equal(graph.callsUnseen('infra/modules/apim.bicep'), false);
  });
});

describe('deployment views', () => {
  test('a module sees the diagnostics its caller declares, through every tree that reaches it', () => {
    const deployments = views({
      'labs/one/main.bicep': `module apim '../../modules/apim.bicep' = {\n  name: 'apim'\n}\n${EXISTING}${DIAGNOSTIC}`,
      'labs/two/main.bicep': "module apim '../../modules/apim.bicep' = {\n  name: 'apim'\n}\n",
      'modules/apim.bicep': SERVICE,
    });
    assert.deepEqual(deployments.viewOf('modules/apim.bicep'), { declaresDiagnostics: true, partlyUnseen: false });
    assert.equal(deployments.viewOf('labs/two/main.bicep')?.declaresDiagnostics, false, 'a caller does not see its sibling callers');
    assert.equal(deployments.viewOf('README.md'), undefined);
  });

  test('a shared utility module does not join the deployments that call it', () => {
    const deployments = views({
      'labs/logged/main.bicep': `module ai '../../modules/appinsights.bicep' = {\n  name: 'ai'\n}\n${SERVICE}${DIAGNOSTIC}`,
      'labs/bare/main.bicep': `module ai '../../modules/appinsights.bicep' = {\n  name: 'ai'\n}\n${SERVICE}`,
      'modules/appinsights.bicep': "resource ai 'Microsoft.Insights/components@2020-02-02' = {\n  name: 'ai'\n}\n",
    });
    assert.deepEqual(deployments.viewOf('labs/bare/main.bicep'), { declaresDiagnostics: false, partlyUnseen: false });
  });

  test('templates of one folder are deployed together, unless each has its own parameters file', () => {
    const blocks = views({ 'apim/v1/apim.bicep': SERVICE, 'apim/v1/diagnostics.bicep': `${EXISTING}${DIAGNOSTIC}` });
    assert.equal(blocks.viewOf('apim/v1/apim.bicep')?.declaresDiagnostics, true);
    const entryPoints = views({
      'iac/base.bicep': SERVICE,
      'iac/base.bicepparam': "using './base.bicep'\n",
      'iac/package.bicep': `${SERVICE}${DIAGNOSTIC}`,
      'iac/package.dev.bicepparam': "using 'package.bicep'\n",
      'arm/service.json': `{ ${ARM_SCHEMA}, "resources": [] }`,
      'arm/logging.json': `{ ${ARM_SCHEMA}, "resources": [ { "type": "Microsoft.ApiManagement/service" }, { "type": "Microsoft.ApiManagement/service/diagnostics" } ] }`,
      'arm/logging.parameters.json': '{}',
    });
    assert.equal(entryPoints.viewOf('iac/base.bicep')?.declaresDiagnostics, false, 'a sibling with its own .bicepparam is another deployment');
    assert.equal(entryPoints.viewOf('arm/service.json')?.declaresDiagnostics, false, 'a sibling with its own parameters file is another deployment');
  });

  test('diagnostics added to a service created elsewhere count in their folder, above and below it', () => {
    const deployments = views({
      'infra/monitoring/diagnostics.bicep': `${EXISTING}${DIAGNOSTIC}`,
      'infra/apim.bicep': SERVICE,
      'infra/monitoring/regional/apim.bicep': SERVICE,
      'labs/other/apim.bicep': SERVICE,
      'labs/logged/apim.bicep': `${SERVICE}${DIAGNOSTIC}`,
    });
    assert.equal(deployments.viewOf('infra/apim.bicep')?.declaresDiagnostics, true, 'the existing service may be this one');
    assert.equal(deployments.viewOf('infra/monitoring/regional/apim.bicep')?.declaresDiagnostics, true);
    assert.equal(deployments.viewOf('labs/other/apim.bicep')?.declaresDiagnostics, false, 'another part of the folder, and a service created elsewhere');
  });

  test('Terraform diagnostics in another file of the module', () => {
    const deployments = views({
      'tf/main.tf': 'resource "azurerm_api_management" "apim" {}\n',
      'tf/diagnostics.tf': 'resource "azurerm_api_management_diagnostic" "ai" {}\n',
    });
    assert.equal(deployments.viewOf('tf/main.tf')?.declaresDiagnostics, true);
  });
});
