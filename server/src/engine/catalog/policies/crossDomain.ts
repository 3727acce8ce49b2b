import type { PolicyDefinition } from '../policyDefinition';
import { POLICY_ID_ATTRIBUTE } from '../commonAttributes';

/** Cross-domain. */
export const CROSS_DOMAIN_POLICIES: readonly PolicyDefinition[] = [
  {
    name: 'cors',
    category: 'Cross-domain',
    kind: 'policy',
    sections: ['inbound'],
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'once-per-section',
    attributes: [
      { name: 'allow-credentials', required: false, kind: 'boolean', values: ['true', 'false'], default: 'false', expressions: true },
      // Uncertain default: the page's attribute table says false, its troubleshooting section says true.
      { name: 'terminate-unmatched-request', required: false, kind: 'boolean', values: ['true', 'false'], default: 'true', expressions: true },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [
      {
        name: 'allowed-origins',
        required: true,
        multiple: false,
        attributes: [],
        elements: [
          {
            name: 'origin',
            required: true,
            multiple: true,
            attributes: [],
            elements: [],
            content: 'text',
          },
        ],
        content: 'elements',
      },
      {
        name: 'allowed-methods',
        required: false,
        multiple: false,
        attributes: [{ name: 'preflight-result-max-age', required: false, kind: 'seconds', default: '0', expressions: true }],
        elements: [
          {
            name: 'method',
            required: true,
            multiple: true,
            attributes: [],
            elements: [],
            content: 'text',
          },
        ],
        content: 'elements',
      },
      {
        // The docs table marks it required, but Microsoft's own samples omit it and deploy, so it stays optional.
        name: 'allowed-headers',
        required: false,
        multiple: false,
        attributes: [],
        elements: [
          {
            name: 'header',
            required: true,
            multiple: true,
            attributes: [],
            elements: [],
            content: 'text',
          },
        ],
        content: 'elements',
      },
      {
        name: 'expose-headers',
        required: false,
        multiple: false,
        attributes: [],
        elements: [
          {
            name: 'header',
            required: true,
            multiple: true,
            attributes: [],
            elements: [],
            content: 'text',
          },
        ],
        content: 'elements',
      },
    ],
    content: 'elements',
    summary: [
      'Answers and applies cross-origin (CORS) rules for browser callers.',
      'Put it first in inbound and keep <base/> at lower scopes; once per section.',
    ],
    docUrl: 'https://learn.microsoft.com/azure/api-management/cors-policy',
  },
  {
    name: 'cross-domain',
    category: 'Cross-domain',
    kind: 'policy',
    sections: ['inbound'],
    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.
    scopes: ['global'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [POLICY_ID_ATTRIBUTE],
    elements: [
      {
        name: 'cross-domain-policy',
        required: true,
        multiple: false,
        attributes: [],
        elements: [],
        content: 'markup',
      },
    ],
    content: 'elements',
    summary: ['Serves a crossdomain.xml policy for Flash and Silverlight clients.', 'Legacy; global scope only.'],
    docUrl: 'https://learn.microsoft.com/azure/api-management/cross-domain-policy',
  },
  {
    name: 'jsonp',
    category: 'Cross-domain',
    kind: 'policy',
    sections: ['outbound'],
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted'],
    cardinality: 'once-per-section',
    attributes: [{ name: 'callback-parameter-name', required: true, kind: 'string', expressions: true }, POLICY_ID_ATTRIBUTE],
    elements: [],
    content: 'empty',
    summary: ['Wraps a JSON response in a JavaScript callback for JSONP callers.', 'Outbound only, once per section.'],
    docUrl: 'https://learn.microsoft.com/azure/api-management/jsonp-policy',
  },
];
