import { dirname, join } from 'node:path';
import type { FileAccess } from '../files/fileAccess';
import { HASH_COMMENT } from '../findings/commentStyle';
import { isAutoVariablesFile } from '../templates/terraform/terraformModule';
import { APIM_DECLARATION, readTerraformTemplate, type TerraformSibling } from '../templates/terraformTemplate';
import type { DocumentInput, DocumentKind } from './documentKind';
import { TERRAFORM_SELECTOR } from './editorSelectors';
import { analyseTemplateModel } from './templateKindAnalysis';

/** Sibling files read for values; a module folder larger than this is read only in part. */
const MAX_SIBLINGS = 200;
const MAX_SIBLING_CHARS = 1024 * 1024;

export function isTerraformDocument(input: DocumentInput): boolean {
  if (input.languageId === 'terraform' || input.languageId === 'terraform-vars') return true;
  if (input.languageId !== undefined && input.languageId !== 'plaintext') return false;
  return /\.(tf|tfvars)$/i.test(input.path);
}

/** The module folder's other `.tf` files and the variable files Terraform loads by itself. */
function siblingsOf(path: string, files: FileAccess): TerraformSibling[] {
  const folder = dirname(path);
  const siblings: TerraformSibling[] = [];
  for (const name of [...files.listFolder(folder)].sort()) {
    if (siblings.length >= MAX_SIBLINGS) break;
    const file = join(folder, name);
    if (file === path || !(/\.tf$/i.test(name) || isAutoVariablesFile(name))) continue;
    const text = files.readText(file);
    if (text !== undefined && text.length <= MAX_SIBLING_CHARS) siblings.push({ path: file, text });
  }
  return siblings;
}

const NOTHING = { findings: [], failures: [], suppressions: [], embedded: [] };

/**
 * Terraform files that declare APIM (`azurerm_api_management*`, or `azapi_resource` of a
 * Microsoft.ApiManagement type). Other Terraform files get nothing, not even syntax findings: the
 * HashiCorp extension owns Terraform in general.
 */
export const terraformDocumentKind: DocumentKind = {
  id: 'terraform',
  fileExtensions: ['.tf'],
  editorSelector: TERRAFORM_SELECTOR,
  commentStyle: HASH_COMMENT,
  matches: isTerraformDocument,
  analyse: (input, context) => {
    if (!APIM_DECLARATION.test(input.text)) return NOTHING;
    const model = readTerraformTemplate(input.path, input.text, siblingsOf(input.path, context.files));
    if (model.resources.length === 0) return NOTHING;
    return analyseTemplateModel(model, input, context);
  },
};
