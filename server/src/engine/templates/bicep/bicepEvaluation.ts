import { findBicepProperty } from './bicepObjectAccess';
import type { BicepBinary, BicepCall, BicepExpression, BicepFile } from './bicepSyntax';

/** A value known before deployment. */
export type BicepStaticValue = string | number | boolean | null | readonly BicepStaticValue[] | { readonly [key: string]: BicepStaticValue };

export type BicepEvaluation = { readonly known: true; readonly value: BicepStaticValue } | { readonly known: false };

const UNKNOWN: BicepEvaluation = { known: false };

function known(value: BicepStaticValue): BicepEvaluation {
  return { known: true, value };
}

/** A parameter as evaluation sees it: a `type?` parameter without a default is null unless supplied. */
export interface BicepParameter {
  readonly supplied: BicepEvaluation | undefined;
  readonly defaultValue: BicepExpression | undefined;
  readonly nullable: boolean;
}

/** What names mean while evaluating: parameter defaults (or supplied values), variables, and shadowing locals. */
export interface BicepScope {
  readonly parameters: ReadonlyMap<string, BicepParameter>;
  readonly variables: ReadonlyMap<string, BicepExpression | undefined>;
  /** Loop variables and lambda parameters: their values vary, so they are always unknown. */
  readonly locals: ReadonlySet<string>;
  /** Loop variables of one known iteration (a loop unrolled over a known collection): they hide outer names. */
  readonly bindings?: ReadonlyMap<string, BicepStaticValue>;
  /** Top-level single resources (not loops) by symbolic name, with their `name` value: `apim.name` is that value. */
  readonly resourceNames?: ReadonlyMap<string, BicepExpression | undefined>;
}

/**
 * Builds the evaluation scope of a file. `suppliedParameters` (from a parameters file for the template) win
 * over defaults; a supplied value that is unknown hides the default too.
 */
export function createBicepScope(file: BicepFile, suppliedParameters?: ReadonlyMap<string, BicepEvaluation>): BicepScope {
  const parameters = new Map<string, BicepParameter>();
  const variables = new Map<string, BicepExpression | undefined>();
  const resourceNames = new Map<string, BicepExpression | undefined>();
  for (const declaration of file.declarations) {
    if (declaration.kind === 'resource' && declaration.name !== undefined) {
      const body = declaration.value?.kind === 'if' ? declaration.value.body : declaration.value;
      if (body?.kind === 'object') resourceNames.set(declaration.name.name, findBicepProperty(body, 'name')?.value);
    } else if (declaration.kind === 'param' && declaration.name !== undefined) {
      const name = declaration.name.name;
      parameters.set(name, {
        supplied: suppliedParameters?.get(name),
        defaultValue: declaration.defaultValue,
        nullable: declaration.type?.kind === 'type-nullable',
      });
    } else if (declaration.kind === 'var' && declaration.name !== undefined) {
      variables.set(declaration.name.name, declaration.value);
    }
  }
  return { parameters, variables, locals: new Set(), resourceNames };
}

/** The same scope with loop variables bound to the values of one iteration. */
export function bicepScopeWithBindings(scope: BicepScope, bindings: ReadonlyMap<string, BicepStaticValue>): BicepScope {
  return { ...scope, bindings: new Map([...(scope.bindings ?? []), ...bindings]) };
}

/** Longest `range()` built; a longer one is unknown rather than a huge array. */
const MAX_RANGE = 10000;

/** Variable and parameter hops followed before giving up (also stops reference cycles). */
const MAX_REFERENCE_HOPS = 64;

function isObjectValue(value: BicepStaticValue): value is { readonly [key: string]: BicepStaticValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function lookupProperty(value: { readonly [key: string]: BicepStaticValue }, name: string): BicepStaticValue | undefined {
  if (Object.hasOwn(value, name)) return value[name];
  const lower = name.toLowerCase();
  const key = Object.keys(value).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : value[key];
}

/** Text of a value inside an interpolation; only scalars have an obvious spelling. */
function interpolatedText(value: BicepStaticValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** `format('{0}-{1}', a, b)` with plain numbered holes; any format specifier makes the result unknown. */
function applyFormat(template: string, args: readonly BicepStaticValue[]): string | undefined {
  let result = '';
  for (let i = 0; i < template.length; i++) {
    const char = template[i];
    if (char === '{' && template[i + 1] === '{') {
      result += '{';
      i++;
    } else if (char === '}' && template[i + 1] === '}') {
      result += '}';
      i++;
    } else if (char === '{') {
      const close = template.indexOf('}', i);
      const holeText = close < 0 ? '' : template.slice(i + 1, close);
      if (!/^\d+$/.test(holeText)) return undefined;
      const arg = args[Number(holeText)];
      const text = arg === undefined ? undefined : interpolatedText(arg);
      if (text === undefined) return undefined;
      result += text;
      i = close;
    } else if (char === '}') {
      return undefined;
    } else {
      result += char;
    }
  }
  return result;
}

class Evaluator {
  private readonly active = new Set<string>();

  constructor(private readonly scope: BicepScope) {}

  evaluate(expression: BicepExpression | undefined): BicepEvaluation {
    if (expression === undefined) return UNKNOWN;
    switch (expression.kind) {
      case 'string': {
        if (expression.value !== undefined) return known(expression.value);
        let text = expression.segments[0].value;
        for (let i = 0; i < expression.interpolations.length; i++) {
          const part = this.evaluate(expression.interpolations[i].expression);
          const partText = part.known ? interpolatedText(part.value) : undefined;
          if (partText === undefined) return UNKNOWN;
          text += partText + expression.segments[i + 1].value;
        }
        return known(text);
      }
      case 'number':
      case 'boolean':
        return known(expression.value);
      case 'null':
        return known(null);
      case 'reference':
        return this.evaluateReference(expression.name);
      case 'parenthesized':
      case 'non-null':
        return this.evaluate(expression.expression);
      case 'object': {
        const value: { [key: string]: BicepStaticValue } = {};
        for (const member of expression.members) {
          if (member.kind !== 'property' || member.key === undefined) return UNKNOWN;
          const memberValue = this.evaluate(member.value);
          if (!memberValue.known) return UNKNOWN;
          value[member.key] = memberValue.value;
        }
        return known(value);
      }
      case 'array': {
        const items: BicepStaticValue[] = [];
        for (const item of expression.items) {
          if (item.kind === 'spread') return UNKNOWN;
          const itemValue = this.evaluate(item);
          if (!itemValue.known) return UNKNOWN;
          items.push(itemValue.value);
        }
        return known(items);
      }
      case 'property-access': {
        if (expression.operator === '::' || expression.name === undefined) return UNKNOWN;
        if (expression.name.name === 'name' && expression.base.kind === 'reference') {
          const resourceName = this.resourceName(expression.base.name);
          if (resourceName !== undefined) return resourceName;
        }
        const base = this.evaluate(expression.base);
        if (!base.known) return UNKNOWN;
        if (base.value === null && expression.operator === '.?') return known(null);
        if (!isObjectValue(base.value)) return UNKNOWN;
        const property = lookupProperty(base.value, expression.name.name);
        if (property !== undefined) return known(property);
        return expression.operator === '.?' ? known(null) : UNKNOWN;
      }
      case 'index-access': {
        const base = this.evaluate(expression.base);
        const index = this.evaluate(expression.index);
        if (!base.known || !index.known) return UNKNOWN;
        let item: BicepStaticValue | undefined;
        if (Array.isArray(base.value) && typeof index.value === 'number') {
          const items = base.value as readonly BicepStaticValue[];
          item = items[expression.fromEnd ? items.length - index.value : index.value];
        } else if (isObjectValue(base.value) && typeof index.value === 'string') item = lookupProperty(base.value, index.value);
        if (item !== undefined) return known(item);
        return expression.safe ? known(null) : UNKNOWN;
      }
      case 'ternary': {
        const condition = this.evaluate(expression.condition);
        if (!condition.known || typeof condition.value !== 'boolean') return UNKNOWN;
        return this.evaluate(condition.value ? expression.whenTrue : expression.whenFalse);
      }
      case 'unary': {
        const operand = this.evaluate(expression.operand);
        if (!operand.known) return UNKNOWN;
        if (expression.operator === '!' && typeof operand.value === 'boolean') return known(!operand.value);
        if (expression.operator === '-' && typeof operand.value === 'number') return known(-operand.value);
        if (expression.operator === '+' && typeof operand.value === 'number') return operand;
        return UNKNOWN;
      }
      case 'binary':
        return this.evaluateBinary(expression);
      case 'call':
        return this.evaluateCall(expression);
      default:
        return UNKNOWN;
    }
  }

  /** `??`, boolean `&&`/`||`, and equality of scalars (`=~`/`!~` ignore case); arithmetic is left unknown. */
  private evaluateBinary(expression: BicepBinary): BicepEvaluation {
    const left = this.evaluate(expression.left);
    if (!left.known) return UNKNOWN;
    if (expression.operator === '??') return left.value !== null ? left : this.evaluate(expression.right);
    const right = this.evaluate(expression.right);
    if (!right.known) return UNKNOWN;
    const a = left.value;
    const b = right.value;
    const scalar = (value: BicepStaticValue): boolean => value === null || typeof value !== 'object';
    switch (expression.operator) {
      case '&&':
        return typeof a === 'boolean' && typeof b === 'boolean' ? known(a && b) : UNKNOWN;
      case '||':
        return typeof a === 'boolean' && typeof b === 'boolean' ? known(a || b) : UNKNOWN;
      case '==':
      case '!=':
        return scalar(a) && scalar(b) ? known((a === b) === (expression.operator === '==')) : UNKNOWN;
      case '=~':
      case '!~':
        return typeof a === 'string' && typeof b === 'string' ? known((a.toLowerCase() === b.toLowerCase()) === (expression.operator === '=~')) : UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  /** `symbol.name` of a resource declared in this file (unless a parameter, variable or local hides the symbol). */
  private resourceName(symbol: string): BicepEvaluation | undefined {
    const scope = this.scope;
    if (scope.bindings?.has(symbol) || scope.locals.has(symbol) || scope.parameters.has(symbol) || scope.variables.has(symbol)) return undefined;
    if (scope.resourceNames?.has(symbol) !== true) return undefined;
    const key = `resource ${symbol}`;
    if (this.active.has(key) || this.active.size >= MAX_REFERENCE_HOPS) return UNKNOWN;
    this.active.add(key);
    const result = this.evaluate(scope.resourceNames.get(symbol));
    this.active.delete(key);
    return result;
  }

  private evaluateReference(name: string): BicepEvaluation {
    const bound = this.scope.bindings?.get(name);
    if (bound !== undefined) return known(bound);
    if (this.scope.locals.has(name) || this.active.has(name) || this.active.size >= MAX_REFERENCE_HOPS) return UNKNOWN;
    const parameter = this.scope.parameters.get(name);
    const variable = this.scope.variables.get(name);
    if (parameter?.supplied !== undefined) return parameter.supplied;
    if (parameter !== undefined && parameter.defaultValue === undefined && parameter.nullable) return known(null);
    const expression = parameter !== undefined ? parameter.defaultValue : variable;
    if (expression === undefined) return UNKNOWN;
    this.active.add(name);
    const result = this.evaluate(expression);
    this.active.delete(name);
    return result;
  }

  private evaluateCall(call: BicepCall): BicepEvaluation {
    // Only the built-in `sys` namespace (or none) is understood; `obj.method()` and other namespaces are not.
    if (call.base !== undefined && !(call.base.kind === 'reference' && call.base.name === 'sys' && !this.scope.locals.has('sys'))) return UNKNOWN;
    const args: BicepStaticValue[] = [];
    for (const arg of call.args) {
      const value = this.evaluate(arg);
      if (!value.known) return UNKNOWN;
      args.push(value.value);
    }
    switch (call.name.name) {
      case 'concat': {
        if (args.length === 0) return UNKNOWN;
        if (args.every((arg) => Array.isArray(arg))) return known(args.flatMap((arg) => arg as readonly BicepStaticValue[]));
        return args.every((arg): arg is string => typeof arg === 'string') ? known(args.join('')) : UNKNOWN;
      }
      case 'format': {
        const [template, ...rest] = args;
        if (typeof template !== 'string') return UNKNOWN;
        const text = applyFormat(template, rest);
        return text === undefined ? UNKNOWN : known(text);
      }
      case 'toLower':
        return args.length === 1 && typeof args[0] === 'string' ? known(args[0].toLowerCase()) : UNKNOWN;
      case 'toUpper':
        return args.length === 1 && typeof args[0] === 'string' ? known(args[0].toUpperCase()) : UNKNOWN;
      case 'length': {
        const [value] = args;
        if (args.length !== 1) return UNKNOWN;
        if (typeof value === 'string' || Array.isArray(value)) return known(value.length);
        return isObjectValue(value) ? known(Object.keys(value).length) : UNKNOWN;
      }
      case 'range': {
        const [start, count] = args;
        if (typeof start !== 'number' || typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_RANGE) return UNKNOWN;
        return known(Array.from({ length: count }, (_, index) => start + index));
      }
      default:
        return UNKNOWN;
    }
  }
}

/**
 * The value of an expression when it can be known before deployment: literals, parameter defaults
 * (or supplied values), variables, interpolation of known scalars, member and index access on known
 * values, `??`, boolean and equality operators, ternaries with a known condition, and `concat`,
 * `format`, `toLower`, `toUpper`. Anything else is `{ known: false }`.
 */
export function evaluateBicepValue(expression: BicepExpression | undefined, scope: BicepScope): BicepEvaluation {
  return new Evaluator(scope).evaluate(expression);
}
