import { UNKNOWN_VALUE, knownValue, type TemplateStaticValue, type TemplateValue } from '../templateModel';
import type { HclExpression, HclTemplate } from './hclSyntax';
import { attributeOf, type TerraformModule } from './terraformModule';

/** Deepest chain of references (local -> variable -> resource attribute ...) followed before giving up. */
const MAX_REFERENCE_HOPS = 32;

type StaticObject = { readonly [key: string]: TemplateStaticValue };

function isObject(value: TemplateStaticValue): value is StaticObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A traversal `root.a[0].b` split into its root name and steps; undefined for anything else (calls, splats, ...). */
export function traversalOf(expression: HclExpression): { root: string; steps: (string | number)[] } | undefined {
  const steps: (string | number)[] = [];
  let current: HclExpression = expression;
  for (;;) {
    if (current.kind === 'variable') return { root: current.name, steps: steps.reverse() };
    if (current.kind === 'get-attribute' && current.name !== undefined) {
      steps.push(current.name.name);
      current = current.base;
    } else if (current.kind === 'index' && current.index?.kind === 'literal' && typeof current.index.value === 'number') {
      steps.push(current.index.value);
      current = current.base;
    } else if (current.kind === 'index' && current.index?.kind === 'template' && current.index.literal !== undefined) {
      steps.push(current.index.literal.value);
      current = current.base;
    } else {
      return undefined;
    }
  }
}

function walk(value: TemplateValue, steps: readonly (string | number)[]): TemplateValue {
  let current = value;
  for (const step of steps) {
    if (!current.known) return UNKNOWN_VALUE;
    const container = current.value;
    if (typeof step === 'number' && Array.isArray(container)) {
      const items = container as readonly TemplateStaticValue[];
      if (step >= items.length) return UNKNOWN_VALUE;
      current = knownValue(items[step]);
    } else if (typeof step === 'string' && isObject(container) && Object.hasOwn(container, step)) {
      current = knownValue(container[step]);
    } else {
      return UNKNOWN_VALUE;
    }
  }
  return current;
}

function asText(value: TemplateStaticValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * Evaluates HCL expressions to values known before `terraform plan`: literals, templates, `var.x`
 * (tfvars, then defaults), `local.x`, literal attributes of resources in the module, and a few pure
 * functions. Everything else (data sources, resource outputs, `each`, `count`, ...) stays unknown.
 */
export class HclEvaluator {
  private readonly active = new Set<string>();

  constructor(private readonly module: TerraformModule) {}

  evaluate(expression: HclExpression | undefined): TemplateValue {
    if (expression === undefined || this.active.size > MAX_REFERENCE_HOPS) return UNKNOWN_VALUE;
    switch (expression.kind) {
      case 'literal':
        return knownValue(expression.value);
      case 'template':
        return this.template(expression);
      case 'parenthesized':
        return this.evaluate(expression.expression);
      case 'tuple': {
        const items: TemplateStaticValue[] = [];
        for (const item of expression.items) {
          const value = this.evaluate(item);
          if (!value.known) return UNKNOWN_VALUE;
          items.push(value.value);
        }
        return knownValue(items);
      }
      case 'object': {
        const object: { [key: string]: TemplateStaticValue } = {};
        for (const item of expression.items) {
          const key = item.keyName ?? (item.key.kind === 'parenthesized' ? this.text(this.evaluate(item.key.expression)) : undefined);
          const value = this.evaluate(item.value);
          if (key === undefined || !value.known) return UNKNOWN_VALUE;
          object[key] = value.value;
        }
        return knownValue(object);
      }
      case 'conditional': {
        const condition = this.evaluate(expression.condition);
        if (!condition.known || typeof condition.value !== 'boolean') return UNKNOWN_VALUE;
        return this.evaluate(condition.value ? expression.whenTrue : expression.whenFalse);
      }
      case 'unary': {
        const operand = this.evaluate(expression.operand);
        if (!operand.known) return UNKNOWN_VALUE;
        if (expression.operator === '!' && typeof operand.value === 'boolean') return knownValue(!operand.value);
        if (expression.operator === '-' && typeof operand.value === 'number') return knownValue(-operand.value);
        return UNKNOWN_VALUE;
      }
      case 'binary':
        return this.binary(expression.operator, this.evaluate(expression.left), this.evaluate(expression.right));
      case 'call':
        return this.call(expression.name.name, expression.args);
      case 'variable':
      case 'get-attribute':
      case 'index':
        return this.reference(expression);
      default:
        return UNKNOWN_VALUE;
    }
  }

  private text(value: TemplateValue): string | undefined {
    return value.known ? asText(value.value) : undefined;
  }

  private template(template: HclTemplate): TemplateValue {
    if (template.literal !== undefined) return knownValue(template.literal.value);
    const [only] = template.parts;
    // "${x}" alone is x itself, with its type.
    if (template.parts.length === 1 && only.kind === 'interpolation') return this.evaluate(only.expression);
    let result = '';
    for (const part of template.parts) {
      if (part.kind === 'directive') return UNKNOWN_VALUE;
      const piece = part.kind === 'literal' ? part.text.value : this.text(this.evaluate(part.expression));
      if (piece === undefined) return UNKNOWN_VALUE;
      result += piece;
    }
    return knownValue(result);
  }

  private binary(operator: string, left: TemplateValue, right: TemplateValue): TemplateValue {
    if (!left.known || !right.known) {
      // `false && x` and `true || x` are known without x.
      if (operator === '&&' && ((left.known && left.value === false) || (right.known && right.value === false))) return knownValue(false);
      if (operator === '||' && ((left.known && left.value === true) || (right.known && right.value === true))) return knownValue(true);
      return UNKNOWN_VALUE;
    }
    const a = left.value;
    const b = right.value;
    if (operator === '==' || operator === '!=') {
      if (typeof a === 'object' || typeof b === 'object') return a === null && b === null ? knownValue(operator === '==') : UNKNOWN_VALUE;
      return knownValue((a === b) === (operator === '=='));
    }
    if (typeof a === 'boolean' && typeof b === 'boolean') {
      if (operator === '&&') return knownValue(a && b);
      if (operator === '||') return knownValue(a || b);
    }
    if (typeof a === 'number' && typeof b === 'number') {
      switch (operator) {
        case '+':
          return knownValue(a + b);
        case '-':
          return knownValue(a - b);
        case '*':
          return knownValue(a * b);
        case '/':
          return b === 0 ? UNKNOWN_VALUE : knownValue(a / b);
        case '%':
          return b === 0 ? UNKNOWN_VALUE : knownValue(a % b);
        case '<':
          return knownValue(a < b);
        case '<=':
          return knownValue(a <= b);
        case '>':
          return knownValue(a > b);
        case '>=':
          return knownValue(a >= b);
      }
    }
    return UNKNOWN_VALUE;
  }

  private call(name: string, args: readonly HclExpression[]): TemplateValue {
    const values = (): TemplateValue[] => args.map((arg) => this.evaluate(arg));
    switch (name) {
      case 'jsonencode':
      case 'tostring':
      case 'tolist':
      case 'toset':
      case 'tomap':
        return args.length === 1 ? this.evaluate(args[0]) : UNKNOWN_VALUE;
      case 'tobool':
      case 'tonumber': {
        const value = this.evaluate(args[0]);
        if (!value.known) return UNKNOWN_VALUE;
        if (name === 'tobool')
          return value.value === true || value.value === 'true'
            ? knownValue(true)
            : value.value === false || value.value === 'false'
              ? knownValue(false)
              : UNKNOWN_VALUE;
        const number =
          typeof value.value === 'number' ? value.value : typeof value.value === 'string' && value.value.trim() !== '' ? Number(value.value) : Number.NaN;
        return Number.isFinite(number) ? knownValue(number) : UNKNOWN_VALUE;
      }
      case 'lower':
      case 'upper':
      case 'trimspace': {
        const text = this.text(this.evaluate(args[0]));
        if (text === undefined) return UNKNOWN_VALUE;
        return knownValue(name === 'lower' ? text.toLowerCase() : name === 'upper' ? text.toUpperCase() : text.trim());
      }
      case 'coalesce': {
        for (const value of values()) {
          if (!value.known) return UNKNOWN_VALUE;
          if (value.value !== null && value.value !== '') return value;
        }
        return UNKNOWN_VALUE;
      }
      case 'merge': {
        const merged: { [key: string]: TemplateStaticValue } = {};
        for (const value of values()) {
          if (!value.known || !(isObject(value.value) || value.value === null)) return UNKNOWN_VALUE;
          if (value.value !== null) Object.assign(merged, value.value);
        }
        return knownValue(merged);
      }
      case 'concat': {
        const joined: TemplateStaticValue[] = [];
        for (const value of values()) {
          if (!value.known || !Array.isArray(value.value)) return UNKNOWN_VALUE;
          joined.push(...(value.value as readonly TemplateStaticValue[]));
        }
        return knownValue(joined);
      }
      default:
        return UNKNOWN_VALUE;
    }
  }

  /** `var.x...`, `local.x...` and `type.name.attribute...` for a resource of the module. */
  private reference(expression: HclExpression): TemplateValue {
    const traversal = traversalOf(expression);
    if (traversal === undefined) return UNKNOWN_VALUE;
    const { root, steps } = traversal;
    const [first, ...rest] = steps;
    if (typeof first !== 'string') return UNKNOWN_VALUE;
    if (root === 'var')
      return walk(
        this.guarded(`var.${first}`, () => this.variable(first)),
        rest,
      );
    if (root === 'local')
      return walk(
        this.guarded(`local.${first}`, () => this.evaluate(this.module.locals.get(first)?.value)),
        rest,
      );
    const resource = this.module.resources.get(`${root}.${first}`);
    if (resource === undefined) return UNKNOWN_VALUE;
    // `azurerm_api_management.apim[0].name` with count: the literal attributes are the same for each instance.
    const attributeSteps = typeof rest[0] === 'number' ? rest.slice(1) : rest;
    const [attribute, ...inside] = attributeSteps;
    if (typeof attribute !== 'string') return UNKNOWN_VALUE;
    const declared = attributeOf(resource.value.body, attribute);
    if (declared === undefined) return UNKNOWN_VALUE;
    return walk(
      this.guarded(`${root}.${first}.${attribute}`, () => this.evaluate(declared)),
      inside,
    );
  }

  private variable(name: string): TemplateValue {
    const supplied = this.module.variableValues.get(name);
    if (supplied !== undefined) return this.evaluate(supplied.value);
    const declaration = this.module.variables.get(name);
    if (declaration === undefined) return UNKNOWN_VALUE;
    const fallback = attributeOf(declaration.value.body, 'default');
    return fallback === undefined ? UNKNOWN_VALUE : this.evaluate(fallback);
  }

  /** Follows one reference, treating a cycle (`local.a = local.a`) as unknown. */
  private guarded(key: string, compute: () => TemplateValue): TemplateValue {
    if (this.active.has(key)) return UNKNOWN_VALUE;
    this.active.add(key);
    try {
      return compute();
    } finally {
      this.active.delete(key);
    }
  }
}
