import type { PolicyDefinition } from '../policyDefinition';
import { POLICY_ID_ATTRIBUTE } from '../commonAttributes';

/** Policy control and flow. */
export const FLOW_CONTROL_POLICIES: readonly PolicyDefinition[] = [
  {
    name: 'choose',
    category: 'Policy control and flow',
    kind: 'policy',
    sections: ['inbound', 'backend', 'outbound', 'on-error'],
    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [
      {
        name: 'when',
        required: true,
        multiple: true,
        attributes: [
          { name: 'condition', required: true, kind: 'string', expressions: true },
        ],
        elements: [],
        content: 'policies',
      },
      {
        name: 'otherwise',
        required: false,
        multiple: false,
        attributes: [],
        elements: [],
        content: 'policies',
      },
    ],
    content: 'elements',
    summary: [
      'Runs the policies of the first when branch whose condition holds, else otherwise.',
      'Needs at least one when; otherwise is optional and comes last.',
    ],
    docUrl: 'https://learn.microsoft.com/azure/api-management/choose-policy',
  },
  {
    name: 'include-fragment',
    category: 'Policy control and flow',
    kind: 'policy',
    sections: ['inbound', 'backend', 'outbound', 'on-error'],
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'fragment-id', required: true, kind: 'string', expressions: false },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [],
    content: 'empty',
    summary: [
      'Inserts a policy fragment at this place.',
      'fragment-id is a literal id; fragments cannot include other fragments.',
    ],
    docUrl: 'https://learn.microsoft.com/azure/api-management/include-fragment-policy',
  },
  {
    name: 'retry',
    category: 'Policy control and flow',
    kind: 'policy',
    sections: ['inbound', 'backend', 'outbound', 'on-error'],
    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'condition', required: true, kind: 'string', expressions: true },
      { name: 'count', required: true, kind: 'integer', expressions: true },
      { name: 'interval', required: true, kind: 'seconds', expressions: true },
      { name: 'max-interval', required: false, kind: 'seconds', expressions: true },
      { name: 'delta', required: false, kind: 'seconds', expressions: true },
      { name: 'first-fast-retry', required: false, kind: 'boolean', values: ['true', 'false'], default: 'false', expressions: true },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [],
    content: 'policies',
    summary: [
      'Runs the enclosed policies again while a condition holds, up to count times.',
      'interval with delta or max-interval gives linear or exponential backoff.',
    ],
    docUrl: 'https://learn.microsoft.com/azure/api-management/retry-policy',
  },
  {
    name: 'wait',
    category: 'Policy control and flow',
    kind: 'policy',
    sections: ['inbound', 'backend', 'outbound'],
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'for', required: false, kind: 'enum', values: ['all', 'any'], default: 'all', expressions: true },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [
      {
        name: 'send-request',
        required: false,
        multiple: true,
        isPolicy: true,
        attributes: [],
        elements: [],
        content: 'empty',
      },
      {
        name: 'cache-lookup-value',
        required: false,
        multiple: true,
        isPolicy: true,
        attributes: [],
        elements: [],
        content: 'empty',
      },
      {
        name: 'choose',
        required: false,
        multiple: true,
        isPolicy: true,
        attributes: [],
        elements: [],
        content: 'empty',
      },
    ],
    content: 'elements',
    summary: [
      'Runs send-request, cache-lookup-value and choose children in parallel.',
      'Continues when all finish, or the first one with for="any".',
    ],
    docUrl: 'https://learn.microsoft.com/azure/api-management/wait-policy',
  },
];    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.

