/** Every code's documentation lives at one predictable place, derived from the code itself. */
export const DOCS_BASE_URL = 'https://github.com/apim-studio/apim-studio/blob/main/docs';

export function syntaxDocsUrl(code: string): string {
  return `${DOCS_BASE_URL}/syntax.md#${code}`;
}

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}/rules/${ruleId}.md`;
}

export function configurationDocsUrl(anchor?: string): string {
  return `${DOCS_BASE_URL}/configuration.md${anchor ? `#${anchor}` : ''}`;
}
