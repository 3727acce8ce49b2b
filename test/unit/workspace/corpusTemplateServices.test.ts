import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CORPUS_SKIP, corpusFiles } from '../../support/corpus';
import { CORPUS_ROOT } from '../../support/paths';
import { effectivePoliciesForPolicyFile } from '../../../server/src/engine/workspace/effectivePolicy';
import type { ServiceModel } from '../../../server/src/engine/workspace/serviceModel';
import { discoverWorkspaceModel } from '../../../server/src/engine/workspace/templateDiscovery';
import { folderWorkspace } from './workspaceFiles';

/** APIs declared by templates (service and APIM workspaces), and policy files or inline policies templates give a scope. */
function templateFigures(model: ServiceModel): { apis: number; policies: number } {
  let apis = 0;
  for (const root of model.roots) {
    if (root.templates === undefined) continue;
    apis += root.service.apis.size + [...root.workspaces.values()].reduce((sum, tree) => sum + tree.apis.size, 0);
  }
  const templateRoots = new Set(model.roots.filter((root) => root.templates !== undefined).map((root) => root.path));
  const policies = [...model.policyFiles.values()].filter((scope) => scope.root !== undefined && templateRoots.has(scope.root)).length;
  return { apis, policies };
}

// Bicep and ARM repositories of the corpus. AI-Gateway labs name their services from uniqueString(), so most are
// "unknown name" services whose APIs are known; the AVM modules (bicep-registry-modules) deploy no API by default.
describe('template services over the corpus', { skip: CORPUS_SKIP }, () => {
  test('each repository yields the APIs its ARM, Bicep and Terraform templates declare, and every chain computes', () => {
    const figures: Record<string, string> = {};
    const repositories = new Set(
      [...corpusFiles('bicep'), ...corpusFiles('arm-json'), ...corpusFiles('terraform')].map((file) => file.relativePath.split('/')[0]),
    );
    for (const repository of [...repositories].sort()) {
      const workspace = folderWorkspace(join(CORPUS_ROOT, repository));
      const model = discoverWorkspaceModel(workspace.paths, workspace.readText);
      const documentFor = (path: string) => (model.inlinePolicies?.has(path) ? undefined : workspace.documentFor(path));
      for (const [path, scope] of model.policyFiles) {
        if (scope.root?.startsWith('templates:')) effectivePoliciesForPolicyFile(model, path, documentFor);
      }
      const { apis, policies } = templateFigures(model);
      if (apis > 0 || policies > 0) figures[repository] = `${apis} APIs, ${policies} policies`;
    }
    assert.deepEqual(figures, {
      'Azure-Samples__AI-Gateway': '57 APIs, 43 policies',
      'Azure-Samples__apim-genai-gateway-toolkit': '11 APIs, 21 policies',
      'Azure-Samples__azure-openai-apim-load-balancing': '2 APIs, 0 policies',
      'Azure-Samples__openai-apim-lb': '1 APIs, 1 policies',
      'Azure__apim-landing-zone-accelerator': '3 APIs, 9 policies',
      'Azure__azure-api-management-devops-resource-kit': '9 APIs, 3 policies',
      'Azure__azure-api-management-policy-toolkit': '1 APIs, 1 policies',
      'Azure__terraform-ai-gateway-landing-zone': '9 APIs, 4 policies',
      'Azure__terraform-azurerm-avm-res-apimanagement-service': '2 APIs, 0 policies',
      'anotherRedbeard__apimdemo-environment': '3 APIs, 1 policies',
      'hashicorp__terraform-provider-azurerm': '1 APIs, 1 policies',
      MLogdberg__APIManagementARMTemplateCreator: '11 APIs, 48 policies',
    });
  });
});
