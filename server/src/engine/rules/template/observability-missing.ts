import type { TemplateRule } from '../templateRule';
import { apimTypeOf, resourcesOfType } from '../../templates/templateQueries';
import { diagnosticResources } from './functions/diagnosticResources';

export const observabilityMissing: TemplateRule = {
  meta: {
    id: 'observability-missing',
    pillars: ['operational-excellence', 'performance-efficiency'],
    defaultSeverity: 'info',
    title: 'A template that creates the service sends no request telemetry anywhere.',
    guidance:
      'Without a logger and a diagnostic, the gateway records no per-request telemetry: failures, latency and backend errors are invisible until callers complain. ' +
      'Add an Application Insights logger (or use the built-in Azure Monitor logger) and a `diagnostics` resource that sends to it, with sampling suited to the traffic. ' +
      'The rule looks at the templates deployed with this one (the modules it calls, the templates that call it, the templates of its folder) and stays quiet when any of them declares a diagnostic, or when part of the deployment is out of sight (a registry module, a URL).',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-app-insights',
  },
  check(context) {
    const { model } = context;
    // One APIOps artifact cannot show what its sibling files configure.
    if (model.singleArtifact === true) return;
    // Diagnostics often live in another module of the same deployment; a module out of sight may hold them.
    if (context.deployment?.declaresDiagnostics === true || context.deployment?.partlyUnseen === true) return;
    const loggers = model.resources.filter((resource) => !resource.existing && apimTypeOf(resource)?.endsWith('loggers') === true);
    if (diagnosticResources(model.resources).length > 0) return;
    for (const service of resourcesOfType(model.resources, 'service')) {
      context.report({
        span: service.anchor,
        message:
          loggers.length === 0
            ? 'This template creates the service without a logger or diagnostic; add an Application Insights or Azure Monitor diagnostic so requests are logged.'
            : 'This template declares a logger but no diagnostic sends requests to it; add a diagnostics resource.',
      });
    }
  },
};
