import { attribute, type XmlDocument } from '../../policy/syntaxTree';
import { allElements } from '../../policy/treeQueries';

/** Policies only generative-AI APIs use (token limits and metrics, semantic cache, content safety). */
const AI_POLICY = /^(llm|azure-openai)-/;
/** Azure OpenAI / AI Foundry hosts, the managed identity audience used to call them, and their URL paths. */
const AI_ENDPOINT = /openai\.azure\.com|services\.ai\.azure\.com|cognitiveservices\.azure\.com|\bopenai\/|chat\/completions/i;

/** Fragment ids that name an LLM concern, such as `set-llm-usage` or `openai-backend-pool`. */
const AI_FRAGMENT = /(^|[^a-z])(llm|openai|aoai)([^a-z]|$)/i;

/**
 * True when the document clearly fronts a model inference API. Inference calls are POSTs without side effects,
 * so repeating them is safe; rules about non-idempotent retries stay quiet for them.
 */
export function looksLikeModelInference(document: XmlDocument): boolean {
  const elements = allElements(document);
  if (elements.some((element) => AI_POLICY.test(element.name))) return true;
  const fragments = elements.filter((element) => element.name === 'include-fragment');
  if (fragments.some((include) => AI_FRAGMENT.test(attribute(include, 'fragment-id')?.value ?? ''))) return true;
  return AI_ENDPOINT.test(document.text);
}
