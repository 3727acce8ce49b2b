import { propertyAt, stringAt } from '../../templates/templateQueries';
import type { TemplateRule } from '../templateRule';

export const defenderForApisDisabled: TemplateRule = {
  meta: {
    id: 'defender-for-apis-disabled',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'The template switches the Defender for APIs plan to the free tier.',
    guidance:
      "Microsoft Defender for APIs inventories the APIs published through API Management, flags unauthenticated and unused ones, and detects attacks on them from the gateway's traffic. " +
      'The plan is a subscription-level setting (`Microsoft.Security/pricings` named `Api`); a template that sets it to Free turns it off for every API Management service in the subscription. ' +
      'Use the Standard tier with a plan (sub-plan) that fits the traffic, or leave the setting to whoever manages Defender for the subscription.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-apis-introduction',
  },
  check(context) {
    for (const pricing of context.model.resources) {
      if (pricing.existing || pricing.type?.toLowerCase() !== 'microsoft.security/pricings') continue;
      const name = pricing.nameSegments[pricing.nameSegments.length - 1];
      if (name?.toLowerCase() !== 'api') continue;
      const tier = stringAt(pricing.body, ['properties', 'pricingTier']);
      if (tier?.toLowerCase() !== 'free') continue;
      context.report({
        span: propertyAt(pricing.body, ['properties', 'pricingTier'])?.value.span ?? pricing.anchor,
        message:
          'This template sets the Defender for APIs plan to Free, which turns off API inventory and threat detection for every API Management service in the subscription; use Standard.',
      });
    }
  },
};
