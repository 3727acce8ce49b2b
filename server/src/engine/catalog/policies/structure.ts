import type { ChildElementDefinition, PolicyDefinition } from '../policyDefinition';
import type { PolicySection } from '../../policy/policyVocabulary';

const ALL_SCOPES = ['global', 'workspace', 'product', 'api', 'operation'] as const;
const ALL_GATEWAYS = ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'] as const;
const HOWTO_URL = 'https://learn.microsoft.com/azure/api-management/api-management-howto-policies';

/** `<base />`, the one child every section accepts besides policy statements. */
const BASE_CHILD: ChildElementDefinition = {
  name: 'base',
  required: false,
  multiple: false,
  attributes: [],
  elements: [],
  content: 'empty',
};

function sectionChild(name: PolicySection): ChildElementDefinition {
  return { name, required: false, multiple: false, attributes: [], elements: [BASE_CHILD], content: 'policies' };
}

function section(name: PolicySection, summary: readonly [string, string]): PolicyDefinition {
  return {
    name,
    category: 'Structure',
    kind: 'structural',
    sections: [],
    scopes: ALL_SCOPES,
    gateways: ALL_GATEWAYS,
    cardinality: 'once-per-document',
    attributes: [],
    elements: [BASE_CHILD],
    content: 'policies',
    summary,
    docUrl: HOWTO_URL,
  };
}

/** The skeleton of policy documents and fragments. */
export const STRUCTURAL_ELEMENTS: readonly PolicyDefinition[] = [
  {
    name: 'policies',
    category: 'Structure',
    kind: 'structural',
    sections: [],
    scopes: ALL_SCOPES,
    gateways: ALL_GATEWAYS,
    cardinality: 'once-per-document',
    attributes: [],
    // Docs always show this order; each section at most once, on-error optional.
    elements: [sectionChild('inbound'), sectionChild('backend'), sectionChild('outbound'), sectionChild('on-error')],
    content: 'elements',
    ordered: true,
    summary: [
      'Root of a policy document for a global, workspace, product, API or operation scope.',
      'Holds inbound, backend, outbound and on-error, each at most once and in that order.',
    ],
    docUrl: HOWTO_URL,
  },
  section('inbound', [
    'Section that runs on the incoming request before it reaches the backend.',
    "Statements run in order; <base/> places the parent scope's statements.",
  ]),
  section('backend', [
    'Section that runs when the request is forwarded to the backend.',
    "forward-request lives here; <base/> places the parent scope's statements.",
  ]),
  section('outbound', [
    'Section that runs on the response before it returns to the caller.',
    "Statements run in order; <base/> places the parent scope's statements.",
  ]),
  section('on-error', [
    'Section that runs when any other section raises an error.',
    'context.LastError tells what failed; the rest of the pipeline is skipped.',
  ]),
  {
    name: 'base',
    category: 'Structure',
    kind: 'structural',
    sections: ['inbound', 'backend', 'outbound', 'on-error'],
    // At global scope it is accepted and does nothing.
    scopes: ALL_SCOPES,
    gateways: ALL_GATEWAYS,
    cardinality: 'once-per-section',
    attributes: [],
    elements: [],
    content: 'empty',
    summary: ['Runs the statements of the same section from the parent scope at this place.', 'Leaving it out stops inheritance; not allowed in fragments.'],
    docUrl: HOWTO_URL,
  },
  {
    name: 'fragment',
    category: 'Structure',
    kind: 'structural',
    sections: [],
    // A fragment has no scope of its own: its statements must suit the scope that includes it.
    scopes: ALL_SCOPES,
    gateways: ALL_GATEWAYS,
    cardinality: 'once-per-document',
    attributes: [],
    elements: [],
    content: 'policies',
    summary: [
      'Root of a policy fragment, a reusable block of policy statements.',
      'Holds statements only: no sections and no <base/>; include it with include-fragment.',
    ],
    docUrl: 'https://learn.microsoft.com/azure/api-management/policy-fragments',
  },
];
