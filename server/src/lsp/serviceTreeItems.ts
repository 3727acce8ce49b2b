import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceTreeNode } from '../engine/language/serviceTree';
import { hostFileOf } from '../engine/workspace/templateServiceModel';
import type { ServiceTreeItem } from '../protocol/customRequests';

/** A policy path as a URI: an inline template policy (`/ws/main.bicep#L12`) keeps its line as the URI's fragment. */
export function policyUri(policy: string): string {
  const host = hostFileOf(policy);
  return pathToFileURL(host).href + policy.slice(host.length);
}

/**
 * The engine's service view as the protocol's items: offsets become the line and character a click reveals (read
 * from `textOf`, the open buffer or the file), policies become the URIs the effective policy request takes.
 */
export function serviceTreeItems(nodes: readonly ServiceTreeNode[], textOf: (path: string) => string | undefined): ServiceTreeItem[] {
  const documents = new Map<string, TextDocument | undefined>();
  const documentOf = (path: string): TextDocument | undefined => {
    if (!documents.has(path)) {
      const text = textOf(path);
      documents.set(path, text === undefined ? undefined : TextDocument.create(pathToFileURL(path).href, 'plaintext', 0, text));
    }
    return documents.get(path);
  };
  const convert = (node: ServiceTreeNode): ServiceTreeItem => {
    const { span, policy, children, ...rest } = node;
    const position = span !== undefined && node.file !== undefined ? documentOf(node.file)?.positionAt(span.start) : undefined;
    return {
      ...rest,
      ...(position !== undefined ? { position } : {}),
      ...(policy !== undefined ? { effectivePolicyUri: policyUri(policy) } : {}),
      ...(children !== undefined ? { children: children.map(convert) } : {}),
    };
  };
  return nodes.map(convert);
}
