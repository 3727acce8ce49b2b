import { posix } from 'node:path';
import type { TextReader } from './jsonValues';
import type { TemplateCallGraph } from './templateCallGraph';

/** What the templates deployed together with one template declare, as far as the folder shows them. */
export interface DeploymentView {
  /** A diagnostics resource (service, API or workspace level) is declared by a template deployed with this one. */
  readonly declaresDiagnostics: boolean;
  /** Part of the deployment is out of sight: a registry module, a template spec, a URL or a file the folder lacks. */
  readonly partlyUnseen: boolean;
}

// Found in text, as the call graph is: a mention in a comment only makes the rules quieter, never louder.
const DIAGNOSTICS_RESOURCE = /Microsoft\.ApiManagement\/service\/(?:[A-Za-z]+\/)*diagnostics\b|\bazurerm_api_management(?:_api)?_diagnostic\b/i;
const SERVICE_CREATION =
  /^[ \t]*resource\s+[A-Za-z_]\w*\s+'Microsoft\.ApiManagement\/service@[^']*'\s*=|"type"\s*:\s*"Microsoft\.ApiManagement\/service"|^[ \t]*resource\s+"azurerm_api_management"\s|type\s*=\s*"Microsoft\.ApiManagement\/service@/im;

/**
 * Which templates are deployed together: every root template (one nothing calls) deploys the files its
 * calls reach. A template's deployment is every tree that reaches it, plus the templates of its own folder
 * (a folder of building blocks, or a Terraform module) that are not deployed on their own. Diagnostics added
 * to a service that their deployment does not create may configure a service created nearby (same folder,
 * above or below it), so they count there.
 */
export class DeploymentViews {
  private readonly trees = new Map<string, ReadonlySet<string>>();
  private readonly diagnosticsDeclared = new Map<string, boolean>();
  private foldersConfiguringOtherServices: string[] | undefined;

  constructor(
    private readonly graph: TemplateCallGraph,
    private readonly readText: TextReader,
  ) {}

  viewOf(path: string): DeploymentView | undefined {
    if (!this.graph.templates.includes(path)) return undefined;
    const deployed = new Set<string>();
    for (const root of this.rootsReaching(path)) for (const file of this.treeOf(root)) deployed.add(file);
    const folder = posix.dirname(path);
    for (const sibling of this.graph.templates) {
      // A sibling with its own parameters file is deployed on its own (one entry point per environment or setup).
      if (posix.dirname(sibling) === folder && !this.graph.hasOwnParameters(sibling)) deployed.add(sibling);
    }
    const files = [...deployed];
    return {
      declaresDiagnostics: files.some((file) => this.declaresDiagnostics(file)) || this.diagnosticsElsewhereNear(folder),
      partlyUnseen: files.some((file) => this.graph.callsUnseen(file)),
    };
  }

  /** The roots whose calls reach a template (itself when nothing calls it). */
  private rootsReaching(path: string): string[] {
    const roots: string[] = [];
    const seen = new Set<string>([path]);
    const pending = [path];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      const callers = this.graph.callersOf(file);
      if (callers.length === 0) roots.push(file);
      for (const caller of callers) {
        if (seen.has(caller)) continue;
        seen.add(caller);
        pending.push(caller);
      }
    }
    return roots;
  }

  private treeOf(root: string): ReadonlySet<string> {
    const cached = this.trees.get(root);
    if (cached !== undefined) return cached;
    const tree = new Set<string>([root]);
    const pending = [root];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      for (const callee of this.graph.calleesOf(file)) {
        if (tree.has(callee)) continue;
        tree.add(callee);
        pending.push(callee);
      }
    }
    this.trees.set(root, tree);
    return tree;
  }

  private declaresDiagnostics(path: string): boolean {
    let declared = this.diagnosticsDeclared.get(path);
    if (declared === undefined) {
      declared = DIAGNOSTICS_RESOURCE.test(this.readText(path) ?? '');
      this.diagnosticsDeclared.set(path, declared);
    }
    return declared;
  }

  /** Diagnostics that a deployment adds to a service it does not create, declared in this folder, above or below it. */
  private diagnosticsElsewhereNear(folder: string): boolean {
    this.foldersConfiguringOtherServices ??= this.graph.templates
      .filter((path) => this.graph.callersOf(path).length === 0)
      .flatMap((root) => {
        const tree = [...this.treeOf(root)];
        // A module out of sight may create the service its diagnostics configure.
        if (tree.some((file) => this.graph.callsUnseen(file) || SERVICE_CREATION.test(this.readText(file) ?? ''))) return [];
        return tree.filter((file) => this.declaresDiagnostics(file)).map((file) => posix.dirname(file));
      });
    return this.foldersConfiguringOtherServices.some((other) => isWithin(folder, other) || isWithin(other, folder));
  }
}

function isWithin(folder: string, ancestor: string): boolean {
  return ancestor === '.' || folder === ancestor || folder.startsWith(`${ancestor}/`);
}
