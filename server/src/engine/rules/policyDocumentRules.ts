import type { PolicyDocumentRule } from './policyRule';
import { tracingEnabled } from './policy/tracing-enabled';

/** Every rule that reads a single policy document. Order is the order findings appear in. */
export const POLICY_DOCUMENT_RULES: readonly PolicyDocumentRule[] = [tracingEnabled];
