// Access to the fixture workspace (test/e2e/fixtures/workspace) the tests run in.
import * as vscode from 'vscode';

/** Our extension's id: publisher.name from package.json. */
export const EXTENSION_ID = 'apim-studio.apim-studio';

/** A policy with an unclosed <backend> element, recognised by its file name `policy.xml`. */
export const UNCLOSED_BACKEND_POLICY = 'apis/echo/policy.xml';
/** A complete policy with every section, recognised by its `.policy.xml` extension. */
export const ORDERS_POLICY = 'apis/orders/orders.policy.xml';
/** A complete policy whose only syntax error is an unclosed <value> inside <set-header>. */
export const UNCLOSED_VALUE_POLICY = 'loose/unclosed-value.policy.xml';

/**
 * An APIOps service (classic layout) in `apiops/`: product `p` has a rate limit and publishes API `a`,
 * which requires a subscription; API `b` needs none, is in no product and has no limit of its own.
 */
export const APIOPS_PRODUCT_POLICY = 'apiops/products/p/policy.xml';
export const APIOPS_API_A_POLICY = 'apiops/apis/a/policy.xml';
export const APIOPS_API_B_POLICY = 'apiops/apis/b/policy.xml';

/** An ARM template of an APIM service that turns on TLS 1.0 for clients. */
export const ARM_TEMPLATE = 'templates/apim.json';
/**
 * A Bicep service `apim-studio-bicep`: API `orders` (inline policy, operation `create-order`) in products `gold`
 * (100 calls a minute) and `silver` (5), a named value and a backend.
 */
export const BICEP_SERVICE = 'templates/orders.bicep';
/** A Terraform API policy in an `xml_content` heredoc whose backend URL is plain http (line 11). */
export const TERRAFORM_POLICY = 'templates/orders.tf';

/**
 * Every file the review counts as a document: policies, templates and the APIOps information files that
 * describe a resource (a product's `productApiInformation.json` only links an API, so it is not one).
 */
export const REVIEWED_FILES = [
  'apiops/apis/a/apiInformation.json',
  APIOPS_API_A_POLICY,
  'apiops/apis/b/apiInformation.json',
  APIOPS_API_B_POLICY,
  'apiops/policy.xml',
  APIOPS_PRODUCT_POLICY,
  'apiops/products/p/productInformation.json',
  UNCLOSED_BACKEND_POLICY,
  ORDERS_POLICY,
  UNCLOSED_VALUE_POLICY,
  ARM_TEMPLATE,
  BICEP_SERVICE,
  TERRAFORM_POLICY,
];

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e tests need the fixture workspace open as a folder');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** The workspace-relative, `/`-separated path of a file-system path inside the fixture workspace. */
export function workspaceRelativePath(fsPath: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.file(fsPath), false);
}

/** Opens a fixture file in an editor; `pinned` keeps it open when the next file is shown (no preview tab). */
export async function openWorkspaceFile(relativePath: string, pinned = false): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  await vscode.window.showTextDocument(document, pinned ? { preview: false } : undefined);
  return document;
}

/** Closes the active editor and drops its unsaved changes, so fixture files stay as they are on disk. */
export async function revertAndCloseActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
