import type { PolicyDefinition } from '../catalog/policyDefinition';
import type { XmlElement } from '../policy/syntaxTree';
import type { SchemaContext } from './schemaContext';
import type { SchemaReporter } from './schemaReporter';
import type { PolicySection } from '../policy/policyVocabulary';

function list(items: readonly string[]): string {
  return items.length > 0 ? items.join(', ') : 'none';
}

/** Whether a policy statement may stand where it is: its section, the document's scope and the gateway. */
export function checkPlacement(
  element: XmlElement,
  definition: PolicyDefinition,
  section: PolicySection | undefined,
  context: SchemaContext,
  reporter: SchemaReporter,
): void {
  if (definition.context) {
    const where =
      definition.context === 'graphql-resolver'
        ? 'is the root of a GraphQL resolver policy'
        : "belongs in the response element of a GraphQL resolver's data source";
    reporter.report('policy-not-allowed-in-section', `<${element.name}> ${where}, not a section statement.`, element.nameSpan);
    return;
  }
  if (section !== undefined && !definition.sections.includes(section)) {
    reporter.report(
      'policy-not-allowed-in-section',
      `<${element.name}> is not allowed in ${section}; allowed in: ${list(definition.sections)}.`,
      element.nameSpan,
    );
  }
  const scope = context.scope;
  if (scope !== undefined && scope !== 'fragment' && !definition.scopes.includes(scope)) {
    reporter.report(
      'policy-not-allowed-at-scope',
      `<${element.name}> is not allowed at ${scope} scope; allowed at: ${list(definition.scopes)}.`,
      element.nameSpan,
    );
  }
  checkGateway(element, definition, context, reporter);
}

export function checkGateway(element: XmlElement, definition: PolicyDefinition, context: SchemaContext, reporter: SchemaReporter): void {
  const gateway = context.gateway;
  if (gateway !== undefined && !definition.gateways.includes(gateway)) {
    reporter.report(
      'policy-not-supported-on-gateway',
      `<${element.name}> is not supported on the ${gateway} gateway; supported on: ${list(definition.gateways)}.`,
      element.nameSpan,
    );
  }
}
