import { attribute } from '../../policy/syntaxTree';
import { elementsNamed } from '../../policy/treeQueries';
import { corsAllowsCredentials, corsWildcardOrigins } from '../functions/corsWildcardOrigins';
import type { PolicyDocumentRule } from '../policyRule';

export const corsCredentialsWildcard: PolicyDocumentRule = {
  meta: {
    id: 'cors-credentials-wildcard',
    pillars: ['security'],
    defaultSeverity: 'error',
    title: 'A cors policy allows credentials together with every origin.',
    guidance:
      "Credentialed cross-origin calls carry the user's cookies or authorization headers, so they must only be allowed for " +
      'origins you trust. The CORS standard forbids a wildcard origin with credentials: browsers refuse such responses, and a ' +
      "server that answers by echoing any origin instead hands every website the user's session. List the trusted origins, or " +
      'turn credentials off if the clients do not need them.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/cors-policy',
  },
  check(context) {
    for (const cors of elementsNamed(context.document, 'cors')) {
      if (!corsAllowsCredentials(cors)) continue;
      const credentials = attribute(cors, 'allow-credentials');
      for (const star of corsWildcardOrigins(context.text, cors)) {
        const fixes = [
          { title: 'Replace * with a named value holding the trusted origin', edits: [{ span: star, newText: '{{cors-allowed-origin}}' }], isPreferred: false },
        ];
        if (credentials?.valueSpan) {
          fixes.push({ title: 'Set allow-credentials to false', edits: [{ span: credentials.valueSpan, newText: 'false' }], isPreferred: false });
        }
        context.report({
          span: star,
          message: 'The cors policy allows credentials from every origin (*); list the trusted origins or set allow-credentials="false".',
          fixes,
        });
      }
    }
  },
};
