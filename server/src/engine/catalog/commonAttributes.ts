import type { AttributeDefinition } from './policyDefinition';

/** Every policy accepts an optional `id`; APIM reports it back as `context.LastError.PolicyId`. */
export const POLICY_ID_ATTRIBUTE: AttributeDefinition = {
  name: 'id',
  required: false,
  kind: 'string',
  expressions: false,
};
