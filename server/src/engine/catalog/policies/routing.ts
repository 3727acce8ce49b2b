import type { PolicyDefinition } from '../policyDefinition';
import { POLICY_ID_ATTRIBUTE } from '../commonAttributes';

/** Routing. */
export const ROUTING_POLICIES: readonly PolicyDefinition[] = [
  {
    name: 'forward-request',
    category: 'Routing',
    kind: 'policy',
    sections: ['backend'],
    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'http-version', required: false, kind: 'enum', values: ['1', '2or1', '2'], default: '1', expressions: false },
      { name: 'timeout', required: false, kind: 'seconds', default: '300', expressions: true },
      { name: 'timeout-ms', required: false, kind: 'milliseconds', expressions: true },
      { name: 'continue-timeout', required: false, kind: 'seconds', expressions: true },
      { name: 'follow-redirects', required: false, kind: 'boolean', values: ['true', 'false'], default: 'false', expressions: true },
      { name: 'buffer-request-body', required: false, kind: 'boolean', values: ['true', 'false'], default: 'false', expressions: false },
      { name: 'buffer-response', required: false, kind: 'boolean', values: ['true', 'false'], default: 'true', expressions: false },
      { name: 'fail-on-error-status-code', required: false, kind: 'boolean', values: ['true', 'false'], default: 'false', expressions: false },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [],
    content: 'empty',
    oneOf: [{ kind: 'at-most-one', attributes: ['timeout', 'timeout-ms'] }],
    summary: ['Sends the request to the current backend service.', 'Without it nothing is forwarded; it belongs in backend only.'],
    docUrl: 'https://learn.microsoft.com/azure/api-management/forward-request-policy',
  },
  {
    name: 'set-backend-service',
    category: 'Routing',
    kind: 'policy',
    sections: ['inbound', 'backend'],
    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'base-url', required: false, kind: 'string', expressions: true },
      { name: 'backend-id', required: false, kind: 'string', expressions: true },
      { name: 'sf-resolve-condition', required: false, kind: 'string', expressions: true },
      { name: 'sf-service-instance-name', required: false, kind: 'string', expressions: true },
      { name: 'sf-partition-key', required: false, kind: 'string', expressions: true },
      { name: 'sf-replica-type', required: false, kind: 'enum', values: ['primary', 'secondary'], expressions: true },
      { name: 'sf-listener-name', required: false, kind: 'string', expressions: true },
      { name: 'dapr-app-id', required: false, kind: 'string', expressions: true },
      { name: 'dapr-method', required: false, kind: 'string', expressions: true },
      { name: 'dapr-namespace', required: false, kind: 'string', expressions: true },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [],
    content: 'empty',
    oneOf: [{ kind: 'exactly-one', attributes: ['base-url', 'backend-id'] }],
    summary: [
      'Changes the backend the request goes to, by URL or by backend entity.',
      'Give base-url or backend-id; backend-id can point to a load-balanced pool.',
    ],
    docUrl: 'https://learn.microsoft.com/azure/api-management/set-backend-service-policy',
  },
  {
    name: 'proxy',
    category: 'Routing',
    kind: 'policy',
    sections: ['inbound'],
    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'url', required: true, kind: 'string', expressions: true },
      { name: 'username', required: false, kind: 'string', expressions: true },
      { name: 'password', required: false, kind: 'string', expressions: true },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [],
    content: 'empty',
    summary: ['Sends forwarded requests through an HTTP proxy.', 'Put it inside send-request to route just that call through the proxy.'],
    docUrl: 'https://learn.microsoft.com/azure/api-management/proxy-policy',
  },
];
