import { join } from 'node:path';
import type { Finding, Fix } from '../../findings/finding';
import type { PolicyWorkspace } from '../../workspace/policyWorkspace';

/** Rules whose literal is a credential: the new named value is a Key Vault reference, never the literal itself. */
const SECRET_RULES = new Set(['secret-in-policy']);

const REFERENCE = /^\{\{([A-Za-z0-9._-]+)\}\}$/;

/**
 * In an APIOps tree (not a template-declared service), a fix that swaps a literal for a `{{name}}` reference to a named value that does not exist
 * yet gets a sibling fix that also creates the named value's artifact file (`named values/<name>/...` or
 * `namedValues/<name>/...` by the tree's flavour): secret and backed by Key Vault for credentials, holding the
 * literal for environment-specific values.
 */
export function withNamedValueFileFixes(findings: readonly Finding[], text: string, workspace: PolicyWorkspace, path: string): Finding[] {
  const scope = workspace.scopeOf(path);
  if (!scope || scope.kind === 'unknown') return [...findings];
  const root = workspace.model.roots.find((candidate) => candidate.path === scope.root);
  // A service declared by templates has no artifact folder to create the named value in.
  if (!root || root.templates !== undefined) return [...findings];
  const trees = workspace.treesOf(path);
  const folderName = root.flavour === 'cli' ? 'namedValues' : 'named values';
  const artifactFolder = join(workspace.root, ...scope.root.split('/').filter((part) => part.length > 0));
  return findings.map((finding) => {
    const extra: Fix[] = [];
    for (const fix of finding.fixes) {
      const [edit] = fix.edits;
      const name = fix.edits.length === 1 ? REFERENCE.exec(edit.newText)?.[1] : undefined;
      if (!name || trees.some((tree) => tree.namedValues.has(name))) continue;
      const secret = SECRET_RULES.has(finding.code);
      const properties = secret
        ? { displayName: name, secret: true, keyVault: { secretIdentifier: `https://<your-key-vault>.vault.azure.net/secrets/${name}` } }
        : { displayName: name, value: text.slice(edit.span.start, edit.span.end), secret: false };
      const file = join(artifactFolder, folderName, name, 'namedValueInformation.json');
      extra.push({
        title: secret
          ? `Move to Key Vault named value ${edit.newText} (creates ${folderName}/${name})`
          : `Move to named value ${edit.newText} (creates ${folderName}/${name})`,
        edits: fix.edits,
        isPreferred: false,
        createFiles: [{ path: file, text: `${JSON.stringify({ properties }, null, 2)}\n` }],
      });
    }
    return extra.length > 0 ? { ...finding, fixes: [...finding.fixes, ...extra] } : finding;
  });
}
