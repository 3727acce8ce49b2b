import { ensurePropertiesEdit, replaceValueEdit } from '../../templates/templateEdits';
import { lookupPath, propertyAt, resourcesOfType } from '../../templates/templateQueries';
import type { TemplateRule } from '../templateRule';

/** The oldest control-plane API version still served; older ones were retired (from 30 September 2023, disabled from June 2024). */
const MINIMUM = '2021-08-01';

export const minApiVersionMissing: TemplateRule = {
  meta: {
    id: 'min-api-version-missing',
    pillars: ['security', 'operational-excellence'],
    defaultSeverity: 'info',
    title: 'The service does not refuse control-plane calls with retired API versions.',
    guidance:
      '`apiVersionConstraint.minApiVersion` makes the service refuse management calls (templates, scripts, tools) that use an older API version, so nothing configures it through old contracts that lack newer security settings. ' +
      'Microsoft disables versions older than 2021-08-01 platform-wide, which is why this is information rather than a warning: the constraint states the intent and keeps holding if you raise it later. ' +
      'Set it to 2021-08-01 or newer once every tool that manages the service uses such a version.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/breaking-changes/api-version-retirement-sep-2023',
  },
  check(context) {
    const { model } = context;
    for (const service of resourcesOfType(model.resources, 'service')) {
      const constraint = lookupPath(service.body, ['properties', 'apiVersionConstraint', 'minApiVersion']);
      if (constraint.state === 'unknown') continue;
      if (constraint.state === 'present') {
        const value = constraint.value;
        if (!value.known || typeof value.value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value.value) || value.value.slice(0, 10) >= MINIMUM) continue;
        const written = propertyAt(service.body, ['properties', 'apiVersionConstraint', 'minApiVersion'])?.value;
        context.report({
          span: written?.span ?? service.anchor,
          message: `minApiVersion ${value.value} still lets tools manage the service with retired API versions; raise it to ${MINIMUM} or later.`,
          fixes:
            written === undefined ? [] : [{ title: `Set minApiVersion to ${MINIMUM}`, edits: [replaceValueEdit(model, written, MINIMUM)], isPreferred: true }],
        });
        continue;
      }
      if (lookupPath(service.body, ['properties']).state !== 'present') continue;
      const edit = ensurePropertiesEdit(model, service.body, ['properties', 'apiVersionConstraint'], [['minApiVersion', MINIMUM]]);
      context.report({
        span: service.anchor,
        message: `This service sets no apiVersionConstraint.minApiVersion, so it accepts management calls with any API version; set it to ${MINIMUM} or later.`,
        fixes: edit === undefined ? [] : [{ title: `Set apiVersionConstraint.minApiVersion to ${MINIMUM}`, edits: [edit], isPreferred: true }],
      });
    }
  },
};
