import { detectIndentUnit } from './indentation';
import { TERRAFORM_DIALECT } from './terraform/terraformDialect';
import type { TemplateModel } from './templateModel';
import { HclEvaluator } from './terraform/hclEvaluation';
import { parseHcl } from './terraform/hclParser';
import { collectTerraformModule, parseTerraformFile, type TerraformFile } from './terraform/terraformModule';
import { TerraformNodes } from './terraform/terraformNodes';
import { terraformResources } from './terraform/terraformResources';

/** Text that declares APIM resources in Terraform. */
export const APIM_DECLARATION = /azurerm_api_management|Microsoft\.ApiManagement\//i;

/** Another file of the document's module folder (`.tf`, `terraform.tfvars`, `*.auto.tfvars`). */
export interface TerraformSibling {
  readonly path: string;
  readonly text: string;
}

/**
 * Reads a Terraform document into the shared template model: its `azurerm_api_management*` and
 * `azapi_resource` (Microsoft.ApiManagement) resources as ARM resources, with values from the module's
 * variables, tfvars, locals and resources. Never throws.
 */
export function readTerraformTemplate(path: string, text: string, siblings: readonly TerraformSibling[] = []): TemplateModel {
  const parsed = parseHcl(text);
  const document: TerraformFile = { path, text, file: parsed.file };
  const files = [document, ...siblings.filter((sibling) => sibling.path !== path).map((sibling) => parseTerraformFile(sibling.path, sibling.text))];
  const module = collectTerraformModule(files);
  const indentUnit = detectIndentUnit(text);
  const nodes = new TerraformNodes(document, module, new HclEvaluator(module), indentUnit);
  // A module spreads the service over files: what this file lacks may be declared beside it.
  const spread = siblings.some((sibling) => sibling.path !== path && /\.tf$/i.test(sibling.path) && APIM_DECLARATION.test(sibling.text));
  return {
    dialect: TERRAFORM_DIALECT,
    text,
    resources: terraformResources(nodes),
    syntaxFindings: parsed.findings,
    indentUnit,
    ...(spread ? { singleArtifact: true } : {}),
  };
}
