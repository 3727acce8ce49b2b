import type { ApiInformation, BackendNode, DiscoveryProblem, NamedValueNode } from './serviceModel';
import { arrayValue, asObject, booleanValue, propertiesOf, readJson, stringValue, type TextReader } from './jsonValues';

/** Readers for the APIOps `*Information.json` files; each tolerates missing or broken content. */

export function readApiInformation(path: string, readText: TextReader, problems: DiscoveryProblem[]): ApiInformation {
  const properties = propertiesOf(readJson(path, readText, problems));
  const protocols = arrayValue(properties, 'protocols').filter((item): item is string => typeof item === 'string');
  return {
    displayName: stringValue(properties, 'displayName'),
    path: stringValue(properties, 'path'),
    subscriptionRequired: booleanValue(properties, 'subscriptionRequired'),
    protocols,
    serviceUrl: stringValue(properties, 'serviceUrl'),
    type: stringValue(properties, 'type') ?? stringValue(properties, 'apiType') ?? 'http',
    isCurrent: booleanValue(properties, 'isCurrent'),
    apiRevision: stringValue(properties, 'apiRevision'),
    apiVersion: stringValue(properties, 'apiVersion'),
  };
}

export interface OperationInformation {
  readonly method: string | undefined;
  readonly urlTemplate: string | undefined;
}

export function readOperationInformation(path: string, readText: TextReader, problems: DiscoveryProblem[]): OperationInformation {
  const properties = propertiesOf(readJson(path, readText, problems));
  const method = stringValue(properties, 'method');
  return { method: method?.toUpperCase(), urlTemplate: stringValue(properties, 'urlTemplate') };
}

export interface ProductInformation {
  readonly displayName: string | undefined;
  readonly subscriptionRequired: boolean | undefined;
  readonly state: string | undefined;
}

export function readProductInformation(path: string, readText: TextReader, problems: DiscoveryProblem[]): ProductInformation {
  const properties = propertiesOf(readJson(path, readText, problems));
  return {
    displayName: stringValue(properties, 'displayName'),
    subscriptionRequired: booleanValue(properties, 'subscriptionRequired'),
    state: stringValue(properties, 'state'),
  };
}

/** apiops-cli `products/<p>/apis.json`: an array of `{ "name": ... }` (plain strings and ids accepted too). */
export function readMembershipList(path: string, readText: TextReader, problems: DiscoveryProblem[]): string[] {
  const value = readJson(path, readText, problems);
  if (!Array.isArray(value)) return [];
  const names: string[] = [];
  for (const item of value) {
    const name = typeof item === 'string' ? item : (stringValue(asObject(item), 'name') ?? lastSegment(stringValue(asObject(item), 'id')));
    if (name !== undefined && name !== '') names.push(name);
  }
  return names;
}

export function readNamedValue(name: string, path: string, readText: TextReader, problems: DiscoveryProblem[]): NamedValueNode {
  const properties = propertiesOf(readJson(path, readText, problems));
  const secret = booleanValue(properties, 'secret') === true;
  return {
    name,
    displayName: stringValue(properties, 'displayName'),
    secret,
    keyVault: asObject(properties?.keyVault) !== undefined,
    value: secret ? undefined : stringValue(properties, 'value'),
    informationPath: path,
  };
}

export function readBackend(id: string, path: string, readText: TextReader, problems: DiscoveryProblem[]): BackendNode {
  const properties = propertiesOf(readJson(path, readText, problems));
  const circuitBreaker = asObject(properties?.circuitBreaker);
  const pool = asObject(properties?.pool);
  const poolMembers: string[] = [];
  for (const service of arrayValue(pool, 'services')) {
    const member = lastSegment(stringValue(asObject(service), 'id'));
    if (member !== undefined) poolMembers.push(member);
  }
  return {
    id,
    url: stringValue(properties, 'url'),
    type: stringValue(properties, 'type'),
    circuitBreakerRuleCount: arrayValue(circuitBreaker, 'rules').length,
    poolMembers,
    informationPath: path,
  };
}

function lastSegment(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const segment = id
    .split('/')
    .filter((part) => part !== '')
    .pop();
  return segment === undefined || segment === '' ? undefined : segment;
}
