import type { RuleReport } from '../../policyRule';
import type { TemplateModel, TemplateResource } from '../../../templates/templateModel';
import { isUncertainValue } from '../../../templates/templateModel';
import { ensurePropertiesEdit, replaceValueEdit } from '../../../templates/templateEdits';
import { isTrueLike, lookupPath, propertyAt, propertyOf, resourcesOfType } from '../../../templates/templateQueries';
import { hasFixedTlsSettings, skuNameOf } from './serviceSku';

/** The prefix of every gateway security switch in `properties.customProperties`. */
export const SECURITY_SWITCH_PREFIX = 'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.';

/** How a rule names the switches it checks and what it says about them. */
export interface SwitchCheck {
  /** Switch names after the prefix, e.g. `Protocols.Tls10`. */
  readonly switches: readonly string[];
  /** Message for a switch set to True. */
  enabledMessage(switchName: string): string;
  /**
   * For switches whose unset value can still be on (a new service turns them on by default): the message and
   * fix title for switches the template leaves unset. Without it, unset switches are not reported.
   */
  readonly missing?: { message(switchNames: readonly string[]): string; readonly fixTitle: string };
}

/**
 * Reports security switches of each service: explicitly enabled ones (with a fix to "False"), and, at
 * info level when the check asks for it, the ones not set at all.
 */
export function checkSecuritySwitches(model: TemplateModel, check: SwitchCheck, report: (item: RuleReport) => void): void {
  for (const service of resourcesOfType(model.resources, 'service')) {
    if (hasFixedTlsSettings(skuNameOf(service))) continue;
    checkService(model, service, check, report);
  }
}

function checkService(model: TemplateModel, service: TemplateResource, check: SwitchCheck, report: (item: RuleReport) => void): void {
  const path = ['properties', 'customProperties'];
  const found = lookupPath(service.body, path);
  if (found.state === 'unknown') return;
  const customProperties = found.state === 'present' ? found.node : undefined;
  if (found.state === 'present' && customProperties?.shape !== 'object') return;
  const missing: string[] = [];
  for (const name of check.switches) {
    const property = propertyOf(customProperties, SECURITY_SWITCH_PREFIX + name);
    if (property === undefined) {
      missing.push(name);
      continue;
    }
    if (!isTrueLike(property.value.value())) continue;
    report({
      span: property.value.span,
      uncertain: isUncertainValue(property.value),
      message: check.enabledMessage(name),
      fixes: [{ title: `Set ${name} to "False"`, edits: [replaceValueEdit(model, property.value, 'False')], isPreferred: true }],
    });
  }
  if (missing.length === 0 || check.missing === undefined) return;
  const edit = ensurePropertiesEdit(
    model,
    service.body,
    path,
    missing.map((name) => [SECURITY_SWITCH_PREFIX + name, 'False'] as const),
  );
  report({
    span: propertyAt(service.body, path)?.keySpan ?? service.anchor,
    message: check.missing.message(missing),
    uncertain: true,
    fixes: edit === undefined ? [] : [{ title: check.missing.fixTitle, edits: [edit], isPreferred: false }],
  });
}
