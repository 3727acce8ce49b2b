import { detectIndentUnit } from './indentation';
import { TERRAFORM_DIALECT } from './terraform/terraformDialect';
import type { TemplateModel } from './templateModel';
import { HclEvaluator } from './terraform/hclEvaluation';
import { parseHcl } from './terraform/hclParser';
import { collectTerraformModule, parseTerraformFile, type TerraformFile, type TerraformModule } from './terraform/terraformModule';
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
  return modelOf(document, module, new HclEvaluator(module), parsed.findings, apimSpreadBeside(path, siblings));
}

/**
 * Every file of one module folder that declares APIM, read with one parse of the folder (the service model reads
 * whole folders; reading each file with its siblings would parse a folder once per file).
 */
export function readTerraformModuleTemplates(files: readonly TerraformSibling[]): { path: string; model: TemplateModel }[] {
  const parsed = files.map((file) => parseTerraformFile(file.path, file.text));
  const module = collectTerraformModule(parsed);
  const evaluator = new HclEvaluator(module);
  return parsed
    .filter((file) => /\.tf$/i.test(file.path) && APIM_DECLARATION.test(file.text))
    .map((document) => ({ path: document.path, model: modelOf(document, module, evaluator, [], apimSpreadBeside(document.path, files)) }));
}

/** A module spreads the service over files: what this file lacks may be declared beside it. */
function apimSpreadBeside(path: string, siblings: readonly TerraformSibling[]): boolean {
  return siblings.some((sibling) => sibling.path !== path && /\.tf$/i.test(sibling.path) && APIM_DECLARATION.test(sibling.text));
}

function modelOf(
  document: TerraformFile,
  module: TerraformModule,
  evaluator: HclEvaluator,
  syntaxFindings: TemplateModel['syntaxFindings'],
  spread: boolean,
): TemplateModel {
  const indentUnit = detectIndentUnit(document.text);
  return {
    dialect: TERRAFORM_DIALECT,
    text: document.text,
    resources: terraformResources(new TerraformNodes(document, module, evaluator, indentUnit)),
    syntaxFindings,
    indentUnit,
    ...(spread ? { singleArtifact: true } : {}),
  };
}
