import { findAttribute } from '../catalog/catalog';
import type { AttributeDefinition, ElementShape, OneOfGroup } from '../catalog/policyDefinition';
import { attribute, childElements, type XmlAttribute, type XmlElement } from '../policy/syntaxTree';
import { nearestNames } from './nearestNames';
import { renameAttributeFixes, replaceValueFixes } from './schemaFixes';
import type { SchemaReporter } from './schemaReporter';

const WHOLE_NUMBER = /^\s*[+-]?\d+\s*$/;
const DECIMAL_NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * Tokens that a deployment step replaces before the policy reaches APIM: `{name}` (string formatting),
 * `${name}` (Terraform templatefile), `#{name}#` and `__name__` (token replacement tasks), `$(name)` (pipeline
 * variables) and `NAME_IN_CAPS`. Such a file is a template of a policy, so its value is not an error yet.
 */
const DEPLOYMENT_PLACEHOLDER = /^\s*(?:\{[A-Za-z_][\w.-]*\}|\$\{[^{}]+\}|#\{[^{}]+\}#|__[A-Za-z][\w.-]*__|\$\([\w.-]+\)|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\s*$/;

/** Namespace declarations and prefixed attributes (`xmlns:xsl`, `xsi:nil`) belong to XML, not to the policy. */
function isXmlAttribute(name: string): boolean {
  return name === 'xmlns' || name.includes(':');
}

/** A literal value: no expression and no named value, so it can be checked now. */
function literalValue(node: XmlAttribute): string | undefined {
  return node.embedded.length === 0 ? node.value : undefined;
}

/** Attributes of one element against its definition: unknown names, missing required ones, values, one-of rules. */
export function checkAttributes(element: XmlElement, shape: ElementShape, reporter: SchemaReporter): void {
  // Computed once per element: a look-up per unknown attribute would be quadratic on 20,000 attributes.
  let unused: string[] | undefined;
  const unusedNames = (): string[] => {
    if (unused === undefined) {
      const present = new Set(element.attributes.map((node) => node.name));
      unused = shape.attributes.filter((candidate) => !present.has(candidate.name)).map((candidate) => candidate.name);
    }
    return unused;
  };
  for (const node of element.attributes) {
    if (isXmlAttribute(node.name)) continue;
    const definition = findAttribute(shape, node.name);
    if (!definition) {
      // Past the cap only counted: no suggestions worked out for the 20,000th unknown attribute.
      if (!reporter.accepts('unknown-attribute')) {
        reporter.count('unknown-attribute', node.nameSpan);
        continue;
      }
      const suggestions = nearestNames(node.name, unusedNames());
      const hint = suggestions.length > 0 ? ` Did you mean '${suggestions.join("' or '")}'?` : '';
      reporter.report('unknown-attribute', `<${element.name}> has no attribute '${node.name}'.${hint}`, node.nameSpan, renameAttributeFixes(node, suggestions));
      continue;
    }
    checkValue(element, node, definition, reporter);
  }
  for (const definition of shape.attributes) {
    if (!definition.required || attribute(element, definition.name)) continue;
    if (element.name === 'when' && definition.name === 'condition') {
      reporter.report('when-without-condition', '<when> needs a condition attribute.', element.nameSpan);
    } else {
      reporter.report('missing-required-attribute', `<${element.name}> needs the '${definition.name}' attribute.`, element.nameSpan);
    }
  }
  for (const group of shape.oneOf ?? []) checkOneOf(element, group, reporter);
}

function isAllowedValue(definition: AttributeDefinition, value: string): boolean {
  const wanted = value.trim().toLowerCase();
  return (definition.values ?? []).some((candidate) => candidate.toLowerCase() === wanted);
}

function checkValue(element: XmlElement, node: XmlAttribute, definition: AttributeDefinition, reporter: SchemaReporter): void {
  const value = literalValue(node);
  if (value === undefined || !node.valueSpan) return;
  const span = node.valueSpan;
  if (definition.kind !== 'string' && definition.kind !== 'date-time' && DEPLOYMENT_PLACEHOLDER.test(value) && !isAllowedValue(definition, value)) {
    reporter.report(
      'placeholder-value',
      `'${value.trim()}' on <${element.name}> looks like a placeholder that a deployment step replaces; APIM rejects the policy if it is deployed as is.`,
      span,
    );
    return;
  }
  switch (definition.kind) {
    case 'enum':
    case 'boolean': {
      const values = definition.values ?? [];
      if (isAllowedValue(definition, value)) return;
      const suggestions = nearestNames(value.trim(), values);
      reporter.report(
        'invalid-attribute-value',
        `'${value}' is not a valid value for '${node.name}' on <${element.name}>; expected ${values.join(', ')}.`,
        span,
        replaceValueFixes(node, suggestions),
      );
      return;
    }
    case 'integer':
    case 'seconds':
    case 'milliseconds':
      if (!WHOLE_NUMBER.test(value)) {
        const unit = definition.kind === 'integer' ? 'a whole number' : `a whole number of ${definition.kind}`;
        reporter.report('invalid-number', `'${node.name}' on <${element.name}> needs ${unit}, not '${value}'.`, span);
      }
      return;
    case 'number':
      if (!DECIMAL_NUMBER.test(value)) {
        reporter.report('invalid-number', `'${node.name}' on <${element.name}> needs a number, not '${value}'.`, span);
      }
      return;
    case 'string':
    case 'date-time':
      return;
  }
}

function memberList(group: OneOfGroup): string {
  const names = [...(group.attributes ?? []).map((name) => `'${name}'`), ...(group.elements ?? []).map((name) => `<${name}>`)];
  return names.length <= 2 ? names.join(' or ') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function checkOneOf(element: XmlElement, group: OneOfGroup, reporter: SchemaReporter): void {
  if (group.unless) {
    const condition = attribute(element, group.unless.attribute);
    if (condition) {
      const value = literalValue(condition);
      // An expression may evaluate to the exempting value, so the rule can't be judged.
      if (value === undefined || value.trim().toLowerCase() === group.unless.value.toLowerCase()) return;
    }
  }
  const children = childElements(element);
  const present =
    (group.attributes ?? []).filter((name) => attribute(element, name)).length +
    (group.elements ?? []).filter((name) => children.some((child) => child.name === name)).length;
  const members = memberList(group);
  const exemption = group.unless ? ` unless ${group.unless.attribute}="${group.unless.value}"` : '';
  if (present === 0 && group.kind !== 'at-most-one') {
    reporter.report('one-of-violation', `<${element.name}> needs ${members}${exemption}.`, element.nameSpan);
  } else if (present > 1 && group.kind !== 'at-least-one') {
    reporter.report('one-of-violation', `<${element.name}> takes only one of ${members}.`, element.nameSpan);
  }
}
