import type { ApiInformation } from './serviceModel';

// Hosts of Azure OpenAI / AI Foundry model endpoints.
const AI_HOST = /(^|\.)(openai\.azure\.com|services\.ai\.azure\.com|models\.ai\.azure\.com|inference\.ml\.azure\.com|api\.openai\.com)$/i;
// Names that only LLM-facing APIs use: distinctive ones anywhere (`azureopenai`), short ones as whole words.
const AI_WORD = /openai|aoai|chat-?completions?|ai-?foundry|(^|[^a-z])(llm|gpt[-0-9a-z.]*|completions|embeddings)([^a-z]|$)/i;

/**
 * Says why an API looks like an AI/LLM API, or undefined. A heuristic only: AI-specific rules use it to
 * decide whether token limits apply, so it looks for clear signals (model endpoint hosts, `openai`-style names).
 */
export function aiApiEvidence(apiName: string, information: ApiInformation | undefined): string | undefined {
  const serviceUrl = information?.serviceUrl;
  if (serviceUrl !== undefined) {
    const host = hostOf(serviceUrl);
    if (host !== undefined && AI_HOST.test(host)) return `service URL host ${host}`;
    if (AI_WORD.test(pathOf(serviceUrl))) return `service URL ${serviceUrl}`;
  }
  if (AI_WORD.test(apiName)) return `API name ${apiName}`;
  const apiPath = information?.path;
  if (apiPath !== undefined && AI_WORD.test(apiPath)) return `API path ${apiPath}`;
  const displayName = information?.displayName;
  if (displayName !== undefined && AI_WORD.test(displayName)) return `display name ${displayName}`;
  return undefined;
}

function hostOf(url: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url);
  return match?.[1];
}

function pathOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  return match?.[1] ?? '';
}
