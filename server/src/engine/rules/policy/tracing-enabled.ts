import { attribute, childElements, type XmlElement } from '../../policy/syntaxTree';
import { elementsNamed, textContent } from '../../policy/treeQueries';
import { removeElementEdit } from '../fixes/elementEdits';
import type { PolicyDocumentRule } from '../policyRule';

/**
 * Request data that should not land in logs, as an expression reads it. Names and identifiers (an API id, a
 * routing variable, one harmless header such as `Origin`) are fine: a trace exists to log them.
 */
const REQUEST_DATA: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /\.Body\b/, what: 'a message body' },
  {
    pattern: /["'](?:authorization|proxy-authorization|cookie|set-cookie|ocp-apim-subscription-key|api-key|x-api-key|x-functions-key)["']/i,
    what: 'a credential header',
  },
  { pattern: /\.Headers\b(?!\s*(?:\.\s*(?:GetValueOrDefault|TryGetValue|ContainsKey)\b|\[))/, what: 'every request header' },
  { pattern: /\bcontext\.Subscription\??\.(?:Key|PrimaryKey|SecondaryKey)\b/, what: 'the subscription key' },
  { pattern: /["'](?:access_token|id_token|refresh_token|client_secret)["']|\bAsJwt\s*\(/i, what: 'a token' },
  {
    // The whole URL or query string; one path, host or query parameter read by name is fine.
    pattern:
      /\bRequest\??\.(?:OriginalUrl|Url)\b(?!\s*\??\.\s*(?:Path|Host|Scheme|Port)\b)(?!\s*\??\.\s*Query\s*(?:\??\.\s*(?:GetValueOrDefault|TryGetValue|ContainsKey)\b|\[))/,
    what: 'the query string (which can carry keys and codes)',
  },
];

/** The text a trace writes: its message (or bare content, the older form) and its metadata values. */
function tracedText(trace: XmlElement): string {
  const children = childElements(trace);
  const messages = children.filter((child) => child.name === 'message').map(textContent);
  const metadata = children.filter((child) => child.name === 'metadata').map((child) => attribute(child, 'value')?.value ?? '');
  return [textContent(trace), ...messages, ...metadata].join('\n');
}

/** What request data a trace writes, in reading order, without repeats. */
export function requestDataTraced(trace: XmlElement): string[] {
  const text = tracedText(trace);
  return REQUEST_DATA.filter(({ pattern }) => pattern.test(text)).map(({ what }) => what);
}

export const tracingEnabled: PolicyDocumentRule = {
  meta: {
    id: 'tracing-enabled',
    pillars: ['security', 'operational-excellence'],
    defaultSeverity: 'warning',
    title: 'A trace policy writes request data (a body, credential headers, a token) to logs in production.',
    guidance:
      'A trace writes its message and metadata to Application Insights and to resource logs whenever its severity reaches the diagnostic verbosity, on every call (sampling does not apply), and to request traces when a debug token asks for one. ' +
      'Bodies, credential headers, tokens and query strings then sit in logs that many more people can read than the API itself. ' +
      'Trace identifiers and outcomes (API, operation, status, a correlation id) instead, and keep payload logging to a short investigation in a test environment.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/trace-policy',
    productionOnly: true,
  },
  check(context) {
    for (const trace of elementsNamed(context.document, 'trace')) {
      const traced = requestDataTraced(trace);
      if (traced.length === 0) continue;
      context.report({
        span: trace.nameSpan,
        message: `This trace writes ${traced.join(', ')} to Application Insights and resource logs on every call that reaches the diagnostic's verbosity; trace identifiers and outcomes instead.`,
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
