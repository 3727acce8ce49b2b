import type { PolicyDefinition } from '../policyDefinition';
import { POLICY_ID_ATTRIBUTE } from '../commonAttributes';

/** Logging. */
export const LOGGING_POLICIES: readonly PolicyDefinition[] = [
  {
    name: 'trace',
    category: 'Logging',
    kind: 'policy',
    sections: ['inbound', 'backend', 'outbound', 'on-error'],
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'source', required: true, kind: 'string', expressions: false },
      { name: 'severity', required: false, kind: 'enum', values: ['verbose', 'information', 'error'], default: 'verbose', expressions: false },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [
      {
        // The older form puts the message in the element text, which APIM still accepts.
        name: 'message',
        required: false,
        multiple: false,
        attributes: [],
        elements: [],
        content: 'text',
      },
      {
        name: 'metadata',
        required: false,
        multiple: true,
        attributes: [
          { name: 'name', required: true, kind: 'string', expressions: false },
          { name: 'value', required: true, kind: 'string', expressions: false },
        ],
        elements: [],
        content: 'empty',
      },
    ],
    content: 'elements',
    summary: [
      'Writes a custom entry to the request trace, Application Insights and resource logs.',
      'The severity decides whether Application Insights keeps it.',
    ],
    docUrl: 'https://learn.microsoft.com/azure/api-management/trace-policy',
  },
  {
    name: 'emit-metric',
    category: 'Logging',
    kind: 'policy',
    sections: ['inbound', 'backend', 'outbound', 'on-error'],
    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'name', required: true, kind: 'string', expressions: false },
      { name: 'namespace', required: false, kind: 'string', default: 'API Management', expressions: false },
      { name: 'value', required: false, kind: 'number', default: '1', expressions: true },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [
      {
        name: 'dimension',
        required: true,
        multiple: true,
        attributes: [
          { name: 'name', required: true, kind: 'string', expressions: true },
          { name: 'value', required: false, kind: 'string', expressions: true },
        ],
        elements: [],
        content: 'empty',
      },
    ],
    content: 'elements',
    summary: ['Sends a custom metric with dimensions to Application Insights.', 'At least one dimension, at most ten custom ones.'],
    docUrl: 'https://learn.microsoft.com/azure/api-management/emit-metric-policy',
  },
  {
    name: 'llm-emit-token-metric',
    category: 'Logging',
    kind: 'policy',
    sections: ['inbound'],
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [{ name: 'namespace', required: false, kind: 'string', default: 'API Management', expressions: false }, POLICY_ID_ATTRIBUTE],
    elements: [
      {
        name: 'dimension',
        required: true,
        multiple: true,
        attributes: [
          { name: 'name', required: true, kind: 'string', expressions: true },
          { name: 'value', required: false, kind: 'string', expressions: true },
        ],
        elements: [],
        content: 'empty',
      },
    ],
    content: 'elements',
    summary: ['Sends language-model token counts to Application Insights as metrics.', 'Inbound only; at most five custom dimensions.'],
    docUrl: 'https://learn.microsoft.com/azure/api-management/llm-emit-token-metric-policy',
  },
  {
    name: 'azure-openai-emit-token-metric',
    category: 'Logging',
    kind: 'policy',
    sections: ['inbound'],
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'namespace', required: false, kind: 'string', default: 'API Management', expressions: false },
      { name: 'value', required: false, kind: 'number', default: '1', expressions: true },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [
      {
        name: 'dimension',
        required: true,
        multiple: true,
        attributes: [
          { name: 'name', required: true, kind: 'string', expressions: true },
          { name: 'value', required: false, kind: 'string', expressions: true },
        ],
        elements: [],
        content: 'empty',
      },
    ],
    content: 'elements',
    summary: ['Sends Azure OpenAI token counts to Application Insights as metrics.', 'Inbound only; at most ten custom dimensions.'],
    docUrl: 'https://learn.microsoft.com/azure/api-management/azure-openai-emit-token-metric-policy',
  },
];
