import type { AttributeDefinition, ChildElementDefinition, ElementShape, GatewayType, PolicyDefinition } from './policyDefinition';
import { AUTHENTICATION_POLICIES } from './policies/authentication';
import { CACHING_POLICIES } from './policies/caching';
import { CONTENT_VALIDATION_POLICIES } from './policies/contentValidation';
import { CROSS_DOMAIN_POLICIES } from './policies/crossDomain';
import { FLOW_CONTROL_POLICIES } from './policies/flowControl';
import { GRAPHQL_RESOLVER_POLICIES } from './policies/graphqlResolvers';
import { INTEGRATION_POLICIES } from './policies/integration';
import { LOGGING_POLICIES } from './policies/logging';
import { RATE_LIMITING_POLICIES } from './policies/rateLimiting';
import { ROUTING_POLICIES } from './policies/routing';
import { STRUCTURAL_ELEMENTS } from './policies/structure';
import { TRANSFORMATION_POLICIES } from './policies/transformation';
import type { PolicySection, ScopeName } from '../policy/policyVocabulary';

/** Every catalog entry: the policies of the docs' index, then the structural elements. */
export const POLICY_CATALOG: readonly PolicyDefinition[] = [
  ...RATE_LIMITING_POLICIES,
  ...AUTHENTICATION_POLICIES,
  ...CONTENT_VALIDATION_POLICIES,
  ...ROUTING_POLICIES,
  ...CACHING_POLICIES,
  ...TRANSFORMATION_POLICIES,
  ...CROSS_DOMAIN_POLICIES,
  ...INTEGRATION_POLICIES,
  ...LOGGING_POLICIES,
  ...GRAPHQL_RESOLVER_POLICIES,
  ...FLOW_CONTROL_POLICIES,
  ...STRUCTURAL_ELEMENTS,
];

/** The sections of a `<policies>` document in the order APIM expects. */

const BY_NAME = new Map(POLICY_CATALOG.map((definition) => [definition.name, definition]));

/** The catalog entry for an element name (policy or structural), if any. Names are case-sensitive, as in APIM. */
export function findPolicy(name: string): PolicyDefinition | undefined {
  return BY_NAME.get(name);
}

/** True for the names of policy statements (not `policies`, sections, `base` or `fragment`). */
export function isPolicyName(name: string): boolean {
  return BY_NAME.get(name)?.kind === 'policy';
}

/** Policy statements, excluding structural elements. */
export function policyStatements(): readonly PolicyDefinition[] {
  return POLICY_CATALOG.filter((definition) => definition.kind === 'policy');
}

/**
 * Policy statements that may be placed in a section; narrowed by scope and gateway when they are known.
 * Resolver-only policies (GraphQL data sources, publish-event) never qualify.
 */
export function policiesAllowedIn(section: PolicySection, scope?: ScopeName, gateway?: GatewayType): readonly PolicyDefinition[] {
  return policyStatements().filter(
    (definition) =>
      definition.sections.includes(section) &&
      (scope === undefined || definition.scopes.includes(scope)) &&
      (gateway === undefined || definition.gateways.includes(gateway)),
  );
}

/** The attributes, children and content of a child element, following `isPolicy` to the policy's own entry. */
export function shapeOf(child: ChildElementDefinition): ElementShape {
  if (child.isPolicy) return findPolicy(child.name) ?? child;
  return child;
}

export function findAttribute(shape: ElementShape, name: string): AttributeDefinition | undefined {
  return shape.attributes.find((candidate) => candidate.name === name);
}

export function findChildElement(shape: ElementShape, name: string): ChildElementDefinition | undefined {
  return shape.elements.find((candidate) => candidate.name === name);
}

function collectChildNames(elements: readonly ChildElementDefinition[], into: Set<string>): void {
  for (const element of elements) {
    into.add(element.name);
    collectChildNames(element.elements, into);
  }
}

const ELEMENT_NAMES: ReadonlySet<string> = (() => {
  const names = new Set<string>();
  for (const definition of POLICY_CATALOG) {
    names.add(definition.name);
    collectChildNames(definition.elements, names);
  }
  return names;
})();

/** True for any element name the catalog knows, as a policy, a structural element or a child element. */
export function isCatalogElementName(name: string): boolean {
  return ELEMENT_NAMES.has(name);
}
