import { allRuleMetas } from '../rules/ruleCatalog';
import { GATEWAYS, PRESETS } from './apimStudioConfig';

const LEVEL = { enum: ['off', 'hint', 'info', 'warning', 'error'] };

/**
 * The JSON schema of `.apim-studio.json` that the extension contributes (schemas/apim-studio.schema.json),
 * so VS Code completes and checks the file. Generated from the rule registry; a test keeps the file in step.
 */
export function configJsonSchema(): Record<string, unknown> {
  const ruleProperties = Object.fromEntries(
    [...allRuleMetas()].sort((a, b) => a.id.localeCompare(b.id)).map((meta) => [meta.id, { ...LEVEL, description: `${meta.title} (default: ${meta.defaultSeverity})` }]),
  );
  const rules = { type: 'object', description: 'Rule id -> level.', properties: ruleProperties, additionalProperties: false };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'APIM Studio configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: { enum: [...PRESETS], default: 'recommended', description: 'recommended: default levels; strict: every rule one step louder; all: every rule on.' },
      environment: { enum: ['production', 'nonproduction'], default: 'production', description: 'Some rules (tracing, SKU, capacity) only matter in production.' },
      gateway: { enum: [...GATEWAYS], default: 'classic', description: 'The gateway the policies run on; policies it does not support are reported.' },
      rules,
      overrides: {
        type: 'array',
        items: {
          type: 'object',
          required: ['files'],
          additionalProperties: false,
          properties: {
            files: { type: 'array', items: { type: 'string' }, description: 'Globs relative to this file.' },
            rules,
            environment: { enum: ['production', 'nonproduction'] },
          },
        },
      },
      ignore: { type: 'array', items: { type: 'string' }, description: 'Globs of files not to analyse.' },
      suppressions: {
        type: 'array',
        items: {
          type: 'object',
          required: ['rule', 'reason'],
          additionalProperties: false,
          properties: {
            rule: { enum: Object.keys(ruleProperties) },
            files: { type: 'array', items: { type: 'string' } },
            reason: { type: 'string', minLength: 1 },
            expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD; after it the suppression is reported instead of applied.' },
          },
        },
      },
    },
  };
}
