import { DOCS_BASE_URL } from '../findings/docsUrl';

/** Each schema code is documented in one section of docs/schema.md whose anchor is the code. */
export function schemaDocsUrl(code: string): string {
  return `${DOCS_BASE_URL}/schema.md#${code}`;
}
