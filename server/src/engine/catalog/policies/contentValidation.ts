import type { PolicyDefinition } from '../policyDefinition';
import { POLICY_ID_ATTRIBUTE } from '../commonAttributes';

/** Content validation. */
export const CONTENT_VALIDATION_POLICIES: readonly PolicyDefinition[] = [
  {
    name: 'validate-content',
    category: 'Content validation',
    kind: 'policy',
    sections: ['inbound', 'outbound', 'on-error'],
    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'unspecified-content-type-action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
      { name: 'max-size', required: true, kind: 'integer', expressions: true },
      { name: 'size-exceeded-action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
      { name: 'errors-variable-name', required: false, kind: 'string', expressions: false },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [
      {
        name: 'content-type-map',
        required: false,
        multiple: false,
        attributes: [
          { name: 'any-content-type-value', required: false, kind: 'string', expressions: false },
          { name: 'missing-content-type-value', required: false, kind: 'string', expressions: false },
        ],
        elements: [
          {
            name: 'type',
            required: false,
            multiple: true,
            attributes: [
              { name: 'from', required: false, kind: 'string', expressions: false },
              { name: 'when', required: false, kind: 'string', expressions: true },
              { name: 'to', required: true, kind: 'string', expressions: false },
            ],
            elements: [],
            content: 'empty',
            oneOf: [{ kind: 'exactly-one', attributes: ['from', 'when'] }],
          },
        ],
        content: 'elements',
      },
      {
        name: 'content',
        required: false,
        multiple: true,
        attributes: [
          { name: 'type', required: false, kind: 'string', expressions: false },
          { name: 'validate-as', required: true, kind: 'enum', values: ['json', 'xml', 'soap'], expressions: false },
          { name: 'schema-id', required: false, kind: 'string', expressions: false },
          { name: 'schema-ref', required: false, kind: 'string', expressions: false },
          { name: 'action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: false },
          { name: 'allow-additional-properties', required: false, kind: 'boolean', values: ['true', 'false'], expressions: false },
          { name: 'case-insensitive-property-names', required: false, kind: 'boolean', values: ['true', 'false'], expressions: false },
        ],
        elements: [],
        content: 'empty',
      },
    ],
    content: 'elements',
    summary: ['Checks the size and schema of a request or response body.', 'Each check can ignore, detect (log) or prevent (reject) what fails.'],
    docUrl: 'https://learn.microsoft.com/azure/api-management/validate-content-policy',
  },
  {
    name: 'validate-graphql-request',
    category: 'Content validation',
    kind: 'policy',
    sections: ['inbound'],
    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'error-variable-name', required: false, kind: 'string', expressions: false },
      { name: 'max-size', required: true, kind: 'integer', expressions: false },
      { name: 'max-depth', required: false, kind: 'integer', default: '6', expressions: false },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [
      {
        name: 'authorize',
        required: false,
        multiple: false,
        attributes: [],
        elements: [
          {
            name: 'rule',
            required: false,
            multiple: true,
            attributes: [
              { name: 'path', required: true, kind: 'string', expressions: false },
              { name: 'action', required: false, kind: 'enum', values: ['allow', 'remove', 'reject', 'ignore'], default: 'allow', expressions: true },
            ],
            elements: [],
            content: 'empty',
          },
        ],
        content: 'elements',
      },
    ],
    content: 'elements',
    summary: [
      'Checks a GraphQL request against the schema, its size and depth, and authorizes fields.',
      'Rules by path can allow, remove or reject parts of the query.',
    ],
    docUrl: 'https://learn.microsoft.com/azure/api-management/validate-graphql-request-policy',
  },
  {
    name: 'validate-odata-request',
    category: 'Content validation',
    kind: 'policy',
    sections: ['inbound'],
    scopes: ['global', 'workspace', 'product', 'api'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'once-per-section',
    attributes: [
      { name: 'error-variable-name', required: false, kind: 'string', expressions: false },
      { name: 'default-odata-version', required: false, kind: 'string', default: '4.0', expressions: false },
      { name: 'min-odata-version', required: false, kind: 'string', expressions: false },
      { name: 'max-odata-version', required: false, kind: 'string', expressions: false },
      { name: 'max-size', required: false, kind: 'integer', expressions: false },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [],
    content: 'empty',
    summary: ['Checks that a request to an OData API follows the OData rules.', 'Use once per section, at API scope or broader.'],
    docUrl: 'https://learn.microsoft.com/azure/api-management/validate-odata-request-policy',
  },
  {
    name: 'validate-parameters',
    category: 'Content validation',
    kind: 'policy',
    sections: ['inbound'],
    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'once-per-section',
    attributes: [
      { name: 'specified-parameter-action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
      { name: 'unspecified-parameter-action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
      { name: 'errors-variable-name', required: false, kind: 'string', expressions: false },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [
      {
        name: 'headers',
        required: false,
        multiple: false,
        attributes: [
          { name: 'specified-parameter-action', required: false, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
          { name: 'unspecified-parameter-action', required: false, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
        ],
        elements: [
          {
            name: 'parameter',
            required: false,
            multiple: true,
            attributes: [
              { name: 'name', required: true, kind: 'string', expressions: false },
              { name: 'action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
            ],
            elements: [],
            content: 'empty',
          },
        ],
        content: 'elements',
      },
      {
        name: 'query',
        required: false,
        multiple: false,
        attributes: [
          { name: 'specified-parameter-action', required: false, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
          { name: 'unspecified-parameter-action', required: false, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
        ],
        elements: [
          {
            name: 'parameter',
            required: false,
            multiple: true,
            attributes: [
              { name: 'name', required: true, kind: 'string', expressions: false },
              { name: 'action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
            ],
            elements: [],
            content: 'empty',
          },
        ],
        content: 'elements',
      },
      {
        name: 'path',
        required: false,
        multiple: false,
        attributes: [{ name: 'specified-parameter-action', required: false, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true }],
        elements: [
          {
            name: 'parameter',
            required: false,
            multiple: true,
            attributes: [
              { name: 'name', required: true, kind: 'string', expressions: false },
              { name: 'action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
            ],
            elements: [],
            content: 'empty',
          },
        ],
        content: 'elements',
      },
    ],
    content: 'elements',
    summary: [
      'Checks header, query and path parameters of a request against the API definition.',
      'Child elements override the action for a location or for one named parameter.',
    ],
    docUrl: 'https://learn.microsoft.com/azure/api-management/validate-parameters-policy',
  },
  {
    name: 'validate-headers',
    category: 'Content validation',
    kind: 'policy',
    sections: ['outbound', 'on-error'],
    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'once-per-section',
    attributes: [
      { name: 'specified-header-action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
      { name: 'unspecified-header-action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
      { name: 'errors-variable-name', required: false, kind: 'string', expressions: false },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [
      {
        name: 'header',
        required: false,
        multiple: true,
        attributes: [
          { name: 'name', required: true, kind: 'string', expressions: false },
          { name: 'action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
        ],
        elements: [],
        content: 'empty',
      },
    ],
    content: 'elements',
    summary: ['Checks response headers against the API definition.', 'Goes in outbound or on-error, once per section.'],
    docUrl: 'https://learn.microsoft.com/azure/api-management/validate-headers-policy',
  },
  {
    name: 'validate-status-code',
    category: 'Content validation',
    kind: 'policy',
    sections: ['outbound', 'on-error'],
    // Uncertain: workspace scope and gateway come from the current index; the page read predates them.
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'unspecified-status-code-action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
      { name: 'errors-variable-name', required: false, kind: 'string', expressions: false },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [
      {
        name: 'status-code',
        required: false,
        multiple: true,
        attributes: [
          { name: 'code', required: true, kind: 'integer', expressions: false },
          { name: 'action', required: true, kind: 'enum', values: ['ignore', 'prevent', 'detect'], expressions: true },
        ],
        elements: [],
        content: 'empty',
      },
    ],
    content: 'elements',
    summary: ['Checks response status codes against the API definition.', 'Helps keep undocumented backend errors from reaching callers.'],
    docUrl: 'https://learn.microsoft.com/azure/api-management/validate-status-code-policy',
  },
  {
    name: 'llm-content-safety',
    category: 'Content validation',
    kind: 'policy',
    // Docs (Feb 2025) say inbound; newer docs screen completions too and samples place it in outbound.
    sections: ['inbound', 'outbound'],
    // Uncertain: the Feb 2025 page lists operation scope, a later commit dropped it; kept to avoid false alarms.
    scopes: ['global', 'workspace', 'product', 'api', 'operation'],
    gateways: ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'],
    cardinality: 'repeatable',
    attributes: [
      { name: 'backend-id', required: true, kind: 'string', expressions: true },
      { name: 'shield-prompt', required: false, kind: 'boolean', values: ['true', 'false'], default: 'false', expressions: true },
      // enforce-on-completions and the window sizes appear in newer docs wording and real policies, not in the Feb 2025 page.
      { name: 'enforce-on-completions', required: false, kind: 'boolean', values: ['true', 'false'], default: 'false', expressions: true },
      { name: 'window-size', required: false, kind: 'integer', expressions: false },
      { name: 'window-overlap-size', required: false, kind: 'integer', expressions: false },
      POLICY_ID_ATTRIBUTE,
    ],
    elements: [
      {
        name: 'categories',
        required: false,
        multiple: false,
        attributes: [
          {
            name: 'output-type',
            required: false,
            kind: 'enum',
            values: ['FourSeverityLevels', 'EightSeverityLevels'],
            default: 'FourSeverityLevels',
            expressions: true,
          },
        ],
        elements: [
          {
            name: 'category',
            required: false,
            multiple: true,
            attributes: [
              { name: 'name', required: true, kind: 'enum', values: ['Hate', 'SelfHarm', 'Sexual', 'Violence'], expressions: true },
              { name: 'threshold', required: true, kind: 'integer', expressions: true },
            ],
            elements: [],
            content: 'text',
          },
        ],
        content: 'elements',
      },
      {
        name: 'blocklists',
        required: false,
        multiple: false,
        attributes: [],
        elements: [
          {
            name: 'id',
            required: false,
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
      'Screens prompts with an Azure AI Content Safety backend before they reach the model.',
      'Blocks with 403 when a category passes its threshold or a blocklist matches.',
    ],
    docUrl: 'https://learn.microsoft.com/azure/api-management/llm-content-safety-policy',
  },
];
