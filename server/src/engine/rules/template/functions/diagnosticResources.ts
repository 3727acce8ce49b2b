import type { TemplateResource } from '../../../templates/templateModel';
import { apimTypeOf } from '../../../templates/templateQueries';

/** Diagnostics at every level: service, API and workspace (`.../diagnostics`). */
export function diagnosticResources(resources: readonly TemplateResource[]): TemplateResource[] {
  return resources.filter((resource) => !resource.existing && apimTypeOf(resource)?.endsWith('/diagnostics') === true);
}
