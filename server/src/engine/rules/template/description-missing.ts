import type { TemplateResource } from '../../templates/templateModel';
import { lookupPath, ownName, propertyAt, resourcesOfType } from '../../templates/templateQueries';
import type { TemplateRule } from '../templateRule';

/** True when the template certainly leaves the text empty: absent, or a blank literal. */
function missingText(resource: TemplateResource, key: string): boolean {
  const found = lookupPath(resource.body, ['properties', key]);
  if (found.state === 'absent') return true;
  return found.state === 'present' && found.value.known && typeof found.value.value === 'string' && found.value.value.trim() === '';
}

/**
 * An API imported from a definition takes its name and description from it; a revision shares the API's. An APIOps
 * `apiInformation.json` may have a specification file beside it that the publisher imports, which cannot be seen here.
 */
function describedElsewhere(api: TemplateResource, singleArtifact: boolean): boolean {
  return (
    singleArtifact ||
    lookupPath(api.body, ['properties', 'value']).state !== 'absent' ||
    (ownName(api) ?? '').includes(';rev=') ||
    lookupPath(api.body, ['properties', 'sourceApiId']).state !== 'absent'
  );
}

export const descriptionMissing: TemplateRule = {
  meta: {
    id: 'description-missing',
    pillars: ['operational-excellence'],
    defaultSeverity: 'hint',
    title: 'An API or product has no display name or description.',
    guidance:
      'The display name and description are what developers see in the developer portal and what operators see in the Azure portal and in reports. ' +
      'Without them a consumer has to guess what an API or product is for, and an operator has to guess who owns it. ' +
      'Write a short description of purpose and audience for each API and product.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-add-products',
  },
  check(context) {
    const { model } = context;
    const kinds: [string, readonly TemplateResource[]][] = [
      [
        'API',
        [...resourcesOfType(model.resources, 'service/apis'), ...resourcesOfType(model.resources, 'service/workspaces/apis')].filter(
          (api) => !describedElsewhere(api, model.singleArtifact === true),
        ),
      ],
      ['product', [...resourcesOfType(model.resources, 'service/products'), ...resourcesOfType(model.resources, 'service/workspaces/products')]],
    ];
    for (const [kind, resources] of kinds) {
      for (const resource of resources) {
        // Nothing written under properties: an incomplete file, not an undocumented resource.
        if (lookupPath(resource.body, ['properties']).state !== 'present') continue;
        const missing = ['displayName', 'description'].filter((key) => missingText(resource, key));
        if (missing.length === 0) continue;
        const name = ownName(resource);
        const written = propertyAt(resource.body, ['properties', 'description'])?.value ?? propertyAt(resource.body, ['properties', 'displayName'])?.value;
        context.report({
          span: written?.span ?? resource.anchor,
          message: `The ${kind}${name === undefined ? '' : ` '${name}'`} has no ${missing.join(' or ')}; say what it is for, so developers and operators can tell.`,
        });
      }
    }
  },
};
