import { elementsNamed } from '../../policy/treeQueries';
import { removeElementEdit } from '../fixes/elementEdits';
import type { PolicyDocumentRule } from '../policyRule';

export const tracingEnabled: PolicyDocumentRule = {
  meta: {
    id: 'tracing-enabled',
    pillars: ['security', 'operational-excellence'],
    defaultSeverity: 'warning',
    title: 'A trace policy runs in production.',
    guidance:
      'Traces can carry headers, tokens and payloads, and anyone who can read the trace output sees them. Keep `trace` out of ' +
      'policies that reach production, or guard it with a condition that only holds in a test environment. For lasting ' +
      'telemetry, use diagnostics with Application Insights and sampling instead.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/trace-policy',
    productionOnly: true,
  },
  check(context) {
    for (const trace of elementsNamed(context.document, 'trace')) {
      context.report({
        span: trace.nameSpan,
        message: 'This trace policy sends its message to request traces and Application Insights in production; remove it, or make sure the message carries no request data.',
        fixes: [
          {
            title: 'Remove the trace policy',
            edits: [removeElementEdit(context.text, trace)],
            isPreferred: false,
          },
        ],
      });
    }
  },
};
