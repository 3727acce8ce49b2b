import { elementsNamed } from '../../policy/treeQueries';
import { corsAllowsCredentials, corsWildcardOrigins } from '../functions/corsWildcardOrigins';
import type { PolicyDocumentRule } from '../policyRule';

export const corsWildcard: PolicyDocumentRule = {
  meta: {
    id: 'cors-wildcard',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'A cors policy lets every web origin call the API from a browser.',
    guidance:
      "With `*` as the allowed origin, scripts on any website can call the API from a visitor's browser and read the " +
      'responses. List the origins of the web apps that really use the API; keep `*` only for public, anonymous data. ' +
      'Each origin needs its scheme, host and port, so add one entry per front end and environment.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/cors-policy',
  },
  check(context) {
    for (const cors of elementsNamed(context.document, 'cors')) {
      // With credentials allowed, cors-credentials-wildcard reports the same origin as an error.
      if (corsAllowsCredentials(cors)) continue;
      for (const star of corsWildcardOrigins(context.text, cors)) {
        context.report({
          span: star,
          message: 'The cors policy allows every origin (*); list the web origins that may call this API instead.',
          fixes: [
            {
              title: 'Replace * with a named value holding the allowed origin',
              edits: [{ span: star, newText: '{{cors-allowed-origin}}' }],
              isPreferred: false,
            },
          ],
        });
      }
    }
  },
};
