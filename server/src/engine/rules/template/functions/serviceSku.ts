import type { TemplateResource } from '../../../templates/templateModel';
import { stringAt } from '../../../templates/templateQueries';

/** The service's pricing tier (`Premium`, `StandardV2`, ...) when the template states it statically. */
export function skuNameOf(service: TemplateResource): string | undefined {
  return stringAt(service.body, ['sku', 'name']);
}

/** Tiers whose protocol and cipher settings cannot be changed (Consumption and the v2 tiers). */
export function hasFixedTlsSettings(sku: string | undefined): boolean {
  return sku !== undefined && (sku.toLowerCase() === 'consumption' || /v2$/i.test(sku));
}
