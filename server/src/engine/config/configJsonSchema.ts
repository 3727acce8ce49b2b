import { allRuleMetas } from '../rules/ruleCatalog';
import { GATEWAYS, PRESETS } from './apimStudioConfig';

/** Where the schema is published (the repository's schemas/ folder); the `$schema` the docs' example names. */
export const CONFIG_SCHEMA_URL = 'https://raw.githubusercontent.com/apim-studio/apim-studio/main/schemas/apim-studio.schema.json';

/** Values the editor offers; `examples`, not `enum`, so VS Code completes them without reporting a wrong one itself. */
function choices(values: readonly string[]): { type: 'string'; examples: string[] } {
  return { type: 'string', examples: [...values] };
}

const LEVEL = choices(['off', 'hint', 'info', 'warning', 'error']);

/**
 * The JSON schema of `.apim-studio.json` that the extension contributes (schemas/apim-studio.schema.json),
 * so VS Code completes the file and documents every key on hover. It checks nothing the language server checks
 * (unknown keys, values, required fields): each mistake is reported once, by the server, with "did you mean".
 * `allowComments` makes VS Code accept the commented examples of docs/configuration.md. Generated from the rule
 * registry; a test keeps the file in step.
 */
export function configJsonSchema(): Record<string, unknown> {
  const ruleProperties = Object.fromEntries(
    [...allRuleMetas()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((meta) => [meta.id, { ...LEVEL, description: `${meta.title} (default: ${meta.defaultSeverity})` }]),
  );
  const rules = { type: 'object', description: 'Rule id -> level.', properties: ruleProperties };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_URL,
    title: 'APIM Studio configuration',
    type: 'object',
    allowComments: true,
    allowTrailingCommas: true,
    properties: {
      $schema: { type: 'string' },
      extends: {
        ...choices(PRESETS),
        default: 'recommended',
        description: 'recommended: default levels; strict: every rule one step louder; all: every rule on.',
      },
      environment: {
        ...choices(['production', 'nonproduction']),
        default: 'production',
        description: 'Some rules (tracing, SKU, capacity) only matter in production.',
      },
      gateway: { ...choices(GATEWAYS), default: 'classic', description: 'The gateway the policies run on; policies it does not support are reported.' },
      rules,
      overrides: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            files: { type: 'array', items: { type: 'string' }, description: 'Globs relative to this file.' },
            rules,
            environment: choices(['production', 'nonproduction']),
          },
        },
      },
      ignore: { type: 'array', items: { type: 'string' }, description: 'Globs of files not to analyse.' },
      suppressions: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            rule: choices(Object.keys(ruleProperties)),
            files: { type: 'array', items: { type: 'string' } },
            reason: { type: 'string', description: 'Why the rule does not apply here; required.' },
            expires: { type: 'string', description: 'YYYY-MM-DD; after it the suppression is reported instead of applied.' },
          },
        },
      },
    },
  };
}
