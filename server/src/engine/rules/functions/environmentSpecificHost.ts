/** Azure service domains whose first label is a resource name the customer picked, so it differs per environment. */
const RESOURCE_DOMAINS = [
  'azurewebsites.net',
  'azure-api.net',
  'openai.azure.com',
  'cognitiveservices.azure.com',
  'services.ai.azure.com',
  'logic.azure.com',
  'blob.core.windows.net',
  'queue.core.windows.net',
  'table.core.windows.net',
  'file.core.windows.net',
  'dfs.core.windows.net',
  'servicebus.windows.net',
  'azurecontainerapps.io',
  'azurefd.net',
  'cloudapp.azure.com',
  'database.windows.net',
  'documents.azure.com',
  'vault.azure.net',
  'search.windows.net',
  'azurestaticapps.net',
  'azureedge.net',
  'trafficmanager.net',
  'eventgrid.azure.net',
  'azmk8s.io',
  'azure-devices.net',
  'redis.cache.windows.net',
];

/** Words that name a stage, written as a label or a dash-separated part of one (`orders-dev`, `uat.contoso.com`). */
const ENVIRONMENT_WORDS = new Set([
  'dev',
  'develop',
  'development',
  'test',
  'testing',
  'tst',
  'qa',
  'uat',
  'stg',
  'stage',
  'staging',
  'preprod',
  'nonprod',
  'prod',
  'production',
  'prd',
  'sandbox',
  'sbx',
  'perf',
]);

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Why a literal host is likely to change between environments, or undefined: an Azure resource name, an
 * environment word in the name, or an IP address.
 */
export function environmentSpecificReason(host: string): string | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (IPV4.test(name) || name.startsWith('[')) return 'an IP address';
  const domain = RESOURCE_DOMAINS.find((suffix) => name.endsWith(`.${suffix}`));
  if (domain) return `an Azure resource name (*.${domain})`;
  const word = name.split(/[.-]/).find((part) => ENVIRONMENT_WORDS.has(part));
  return word ? `an environment name ('${word}')` : undefined;
}

/** The host's first label without environment words, to name a named value after it: `orders-dev` -> `orders`. */
export function hostBaseName(host: string): string {
  const label = host.toLowerCase().split('.')[0] ?? '';
  const kept = label.split('-').filter((part) => part.length > 0 && !ENVIRONMENT_WORDS.has(part) && part !== 'non');
  return kept.length > 0 ? kept.join('-') : 'backend';
}
