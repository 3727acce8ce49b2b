import type { TemplateRule } from '../templateRule';
import { apimTypeOf } from '../../templates/templateQueries';

/** Control-plane API versions before this one were retired on 30 September 2023. */
const MINIMUM = '2021-08-01';

export const apiVersionOutdated: TemplateRule = {
  meta: {
    id: 'api-version-outdated',
    pillars: ['operational-excellence'],
    defaultSeverity: 'warning',
    title: 'An API Management resource is deployed with a retired control-plane API version.',
    guidance:
      'API Management stopped serving control-plane API versions older than 2021-08-01, so deployments that use them fail or behave unpredictably. ' +
      'Move each resource to a current API version and review the properties that changed between versions. ' +
      'Newer versions also unlock settings such as availability zones and public network access.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/breaking-changes/api-version-retirement-sep-2023',
  },
  check(context) {
    const { text, resources } = context.model;
    for (const resource of resources) {
      const version = resource.apiVersion;
      const span = resource.apiVersionSpan;
      // Only where the version is written (a nested Bicep resource inherits its parent's, reported there).
      if (apimTypeOf(resource) === undefined || version === undefined || span === undefined || !text.slice(span.start, span.end).includes(version)) continue;
      if (!/^\d{4}-\d{2}-\d{2}/.test(version) || version.slice(0, 10) >= MINIMUM) continue;
      context.report({ span, message: `API version ${version} is retired; use ${MINIMUM} or later.` });
    }
  },
};
