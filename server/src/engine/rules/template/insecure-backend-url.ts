import type { Fix } from '../../findings/finding';
import { exactSourceOffset } from '../../templates/embeddedTextMapping';
import type { TemplateNode } from '../../templates/templateModel';
import { isUncertainValue } from '../../templates/templateModel';
import type { TemplateRule } from '../templateRule';
import { lookupPath, resourcesOfType } from '../../templates/templateQueries';
import { isLocalOnlyHost, parseLiteralUrl } from '../functions/literalUrl';

/** Turns the literal `http` at the start of a written string into `https`, when the source allows an exact edit. */
function httpsFix(node: TemplateNode): Fix[] {
  const text = node.literalText;
  if (node.shape !== 'scalar' || text === undefined || !/^http:/i.test(text.value)) return [];
  const start = exactSourceOffset(text, 0);
  const end = exactSourceOffset(text, 4);
  if (start === undefined || end === undefined) return [];
  return [{ title: 'Use https', edits: [{ span: { start, end }, newText: 'https' }], isPreferred: false }];
}

export const insecureBackendUrl: TemplateRule = {
  meta: {
    id: 'insecure-backend-url',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'An API service URL or a backend URL uses http://.',
    guidance:
      'Calls from the gateway to an `http://` backend carry credentials and data unencrypted across the network. ' +
      'Point `serviceUrl` and backend `url` at an `https://` endpoint, and keep certificate validation on. ' +
      'When the backend sits in a private network, TLS still protects against anyone else on that network.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/backends',
  },
  check(context) {
    const { resources } = context.model;
    const sites: Array<{ type: string; path: string[] }> = [
      { type: 'service/apis', path: ['properties', 'serviceUrl'] },
      { type: 'service/workspaces/apis', path: ['properties', 'serviceUrl'] },
      { type: 'service/backends', path: ['properties', 'url'] },
      { type: 'service/workspaces/backends', path: ['properties', 'url'] },
    ];
    for (const site of sites) {
      for (const resource of resourcesOfType(resources, site.type)) {
        const found = lookupPath(resource.body, site.path);
        if (found.state !== 'present' || found.node === undefined || !found.value.known) continue;
        const url = found.value.value;
        if (typeof url !== 'string' || !/^http:\/\//i.test(url.trim())) continue;
        // Traffic to the gateway's own machine or container network (a self-hosted gateway) never crosses a network.
        const host = parseLiteralUrl(url.trim())?.host;
        if (host !== undefined && isLocalOnlyHost(host)) continue;
        context.report({
          span: found.node.span,
          uncertain: isUncertainValue(found.node),
          message: `The URL ${url} is plain HTTP; use https.`,
          fixes: httpsFix(found.node),
        });
      }
    }
  },
};
