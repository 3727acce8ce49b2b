import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../../../testing/memoryWorkspace';
import { runApiopsRule } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { observabilityMissing } from './observability-missing';

const SERVICE =
  '    { "type": ⟦"Microsoft.ApiManagement/service"⟧, "apiVersion": "2022-08-01", "name": "svc", "location": "westeurope", "sku": { "name": "Standard", "capacity": 1 }, "properties": {} }';
const LOGGER =
  '    { "type": "Microsoft.ApiManagement/service/loggers", "apiVersion": "2022-08-01", "name": "svc/ai", "properties": { "loggerType": "applicationInsights", "credentials": { "instrumentationKey": "[parameters(\'key\')]" } } }';
const DIAGNOSTIC =
  '    { "type": "Microsoft.ApiManagement/service/diagnostics", "apiVersion": "2022-08-01", "name": "svc/applicationinsights", "properties": { "loggerId": "[resourceId(\'Microsoft.ApiManagement/service/loggers\', \'svc\', \'ai\')]" } }';

describe('observability-missing', () => {
  test('reports a service with no logger or diagnostic, and a logger nothing sends to', () => {
    const { findings } = expectTemplateFindingsAt(observabilityMissing, 'arm', armTemplate(SERVICE));
    assert.equal(
      findings[0].message,
      'This template creates the service without a logger or diagnostic; add an Application Insights or Azure Monitor diagnostic so requests are logged.',
    );
    const withLogger = expectTemplateFindingsAt(observabilityMissing, 'arm', armTemplate(`${SERVICE},\n${LOGGER}`));
    assert.equal(withLogger.findings[0].message, 'This template declares a logger but no diagnostic sends requests to it; add a diagnostics resource.');
    expectTemplateFindingsAt(
      observabilityMissing,
      'bicep',
      "resource svc ⟦'Microsoft.ApiManagement/service@2022-08-01'⟧ = {\n  name: 'svc'\n  properties: {}\n}\n",
    );
  });

  test('silent with a diagnostic, without a declared service, and on one APIOps artifact', () => {
    expectNoTemplateFindings(observabilityMissing, 'arm', armTemplate(`${SERVICE.replace(/[⟦⟧]/g, '')},\n${LOGGER},\n${DIAGNOSTIC}`));
    expectNoTemplateFindings(observabilityMissing, 'arm', armTemplate(LOGGER));
    expectNoTemplateFindings(observabilityMissing, 'bicep', "resource svc 'Microsoft.ApiManagement/service@2022-08-01' existing = {\n  name: 'svc'\n}\n");
    assert.deepEqual(runApiopsRule(observabilityMissing, 'loggers/ai/loggerInformation.json', '{ "properties": { "loggerType": "applicationInsights" } }'), []);
  });

  test('reads the templates deployed with this one in its folder', () => {
    const service = "resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {\n  name: 'svc'\n}\n";
    const diagnostic = "resource diag 'Microsoft.ApiManagement/service/diagnostics@2024-05-01' = {\n  parent: apim\n  name: 'azuremonitor'\n}\n";
    const folder = new MemoryWorkspace({
      'main.bicep': `module apim 'modules/apim.bicep' = {\n  name: 'apim'\n}\n${diagnostic.replace('parent: apim', "name: 'svc/azuremonitor'")}`,
      'modules/apim.bicep': service,
      'standalone/apim.bicep': service,
      'registry/main.bicep': `module monitoring 'br/public:avm/ptn/monitoring:0.1.0' = {\n  name: 'm'\n}\n${service}`,
    });
    assert.deepEqual(folder.findingsOf('observability-missing', 'modules/apim.bicep'), [], 'the caller declares the diagnostic');
    assert.deepEqual(folder.findingsOf('observability-missing', 'registry/main.bicep'), [], 'a registry module may declare it');
    assert.deepEqual(
      folder.findingsOf('observability-missing', 'standalone/apim.bicep').map((finding) => finding.span.start),
      [service.indexOf("'Microsoft")],
    );
  });
});
