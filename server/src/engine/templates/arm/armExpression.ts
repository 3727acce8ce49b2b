import type { TemplateStaticValue, TemplateValue } from '../templateModel';
import { UNKNOWN_VALUE, knownValue } from '../templateModel';

/** What names mean in an ARM template: parameters and variables, each evaluated on demand. */
export interface ArmScope {
  parameter(name: string): TemplateValue;
  variable(name: string): TemplateValue;
  /** Set while evaluating one copy of a resource `copy` loop: `copyIndex()` is known there. */
  readonly copy?: { readonly name: string | undefined; readonly index: number };
}

/** True when a JSON string is an ARM expression (`[...]`, but not the `[[` escape). */
export function isArmExpression(value: string): boolean {
  return value.length >= 2 && value.startsWith('[') && !value.startsWith('[[') && value.trimEnd().endsWith(']');
}

/** The literal a JSON string stands for: `[[x]` means the text `[x]`. */
export function armLiteralText(value: string): string {
  return value.startsWith('[[') ? value.slice(1) : value;
}

type Token =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'punct'; readonly value: string };

function tokenize(source: string): Token[] | undefined {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (/\s/.test(char)) {
      index++;
    } else if (char === "'") {
      let value = '';
      index++;
      for (;;) {
        if (index >= source.length) return undefined;
        if (source[index] === "'") {
          if (source[index + 1] === "'") {
            value += "'";
            index += 2;
            continue;
          }
          index++;
          break;
        }
        value += source[index++];
      }
      tokens.push({ kind: 'string', value });
    } else if (/[0-9-]/.test(char)) {
      const match = /^-?\d+(\.\d+)?/.exec(source.slice(index));
      if (!match) return undefined;
      tokens.push({ kind: 'number', value: Number(match[0]) });
      index += match[0].length;
    } else if (/[A-Za-z_$]/.test(char)) {
      const match = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(index)) as RegExpExecArray;
      tokens.push({ kind: 'name', value: match[0] });
      index += match[0].length;
    } else if ('(),.[]'.includes(char)) {
      tokens.push({ kind: 'punct', value: char });
      index++;
    } else {
      return undefined;
    }
  }
  return tokens;
}

/** Nesting of calls and accesses the evaluator follows before giving up. */
const MAX_DEPTH = 64;

function isObjectValue(value: TemplateStaticValue): value is { readonly [key: string]: TemplateStaticValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function textOf(value: TemplateStaticValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** `format('{0}-{1}', a, b)` with plain holes; format specifiers make the result unknown. */
function applyFormat(template: string, args: readonly TemplateStaticValue[]): string | undefined {
  let failed = false;
  const result = template.replace(/\{\{|\}\}|\{([^}]*)\}/g, (match, hole: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const index = hole !== undefined && /^\d+$/.test(hole) ? Number(hole) : -1;
    const text = index >= 0 && index < args.length ? textOf(args[index]) : undefined;
    if (text === undefined) failed = true;
    return text ?? '';
  });
  return failed ? undefined : result;
}

function equalValues(a: TemplateStaticValue, b: TemplateStaticValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Evaluated argument lists; `undefined` as soon as one argument is unknown. */
type Args = readonly TemplateStaticValue[];

const FUNCTIONS: Readonly<Record<string, (args: Args) => TemplateValue>> = {
  concat: (args) => {
    if (args.length === 0) return UNKNOWN_VALUE;
    if (args.every((arg) => Array.isArray(arg))) return knownValue(args.flatMap((arg) => arg as readonly TemplateStaticValue[]));
    const parts = args.map(textOf);
    return parts.every((part): part is string => part !== undefined) ? knownValue(parts.join('')) : UNKNOWN_VALUE;
  },
  format: (args) => {
    const [template, ...rest] = args;
    const text = typeof template === 'string' ? applyFormat(template, rest) : undefined;
    return text === undefined ? UNKNOWN_VALUE : knownValue(text);
  },
  tolower: (args) => (typeof args[0] === 'string' ? knownValue(args[0].toLowerCase()) : UNKNOWN_VALUE),
  toupper: (args) => (typeof args[0] === 'string' ? knownValue(args[0].toUpperCase()) : UNKNOWN_VALUE),
  string: (args) => {
    const text = args.length === 1 ? textOf(args[0]) : undefined;
    return text === undefined ? UNKNOWN_VALUE : knownValue(text);
  },
  int: (args) => (args.length === 1 && /^-?\d+$/.test(String(args[0])) ? knownValue(Number(args[0])) : UNKNOWN_VALUE),
  bool: (args) =>
    typeof args[0] === 'boolean'
      ? knownValue(args[0])
      : typeof args[0] === 'string' && /^(true|false)$/i.test(args[0])
        ? knownValue(args[0].toLowerCase() === 'true')
        : UNKNOWN_VALUE,
  true: () => knownValue(true),
  false: () => knownValue(false),
  null: () => knownValue(null),
  equals: (args) => (args.length === 2 ? knownValue(equalValues(args[0], args[1])) : UNKNOWN_VALUE),
  not: (args) => (typeof args[0] === 'boolean' ? knownValue(!args[0]) : UNKNOWN_VALUE),
  and: (args) => (args.length > 0 && args.every((arg) => typeof arg === 'boolean') ? knownValue(args.every(Boolean)) : UNKNOWN_VALUE),
  or: (args) => (args.length > 0 && args.every((arg) => typeof arg === 'boolean') ? knownValue(args.some(Boolean)) : UNKNOWN_VALUE),
  createarray: (args) => knownValue([...args]),
  createobject: (args) => {
    if (args.length % 2 !== 0) return UNKNOWN_VALUE;
    const result: { [key: string]: TemplateStaticValue } = {};
    for (let i = 0; i < args.length; i += 2) {
      const key = args[i];
      if (typeof key !== 'string') return UNKNOWN_VALUE;
      result[key] = args[i + 1];
    }
    return knownValue(result);
  },
  coalesce: (args) => {
    const found = args.find((arg) => arg !== null);
    return found === undefined ? knownValue(null) : knownValue(found);
  },
  length: (args) => {
    const [value] = args;
    if (args.length !== 1) return UNKNOWN_VALUE;
    if (typeof value === 'string' || Array.isArray(value)) return knownValue(value.length);
    return isObjectValue(value) ? knownValue(Object.keys(value).length) : UNKNOWN_VALUE;
  },
  empty: (args) => {
    const [value] = args;
    if (value === null) return knownValue(true);
    if (typeof value === 'string' || Array.isArray(value)) return knownValue(value.length === 0);
    if (isObjectValue(value)) return knownValue(Object.keys(value).length === 0);
    return UNKNOWN_VALUE;
  },
};

class ArmExpressionEvaluator {
  private position = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly scope: ArmScope,
  ) {}

  run(): TemplateValue {
    const value = this.expression(0);
    return this.position === this.tokens.length ? value : UNKNOWN_VALUE;
  }

  private peek(value: string): boolean {
    const token = this.tokens[this.position];
    return token !== undefined && token.kind === 'punct' && token.value === value;
  }

  private expect(value: string): boolean {
    if (!this.peek(value)) return false;
    this.position++;
    return true;
  }

  /** Parses (and evaluates) one expression; a syntax problem makes the whole result unknown. */
  private expression(depth: number): TemplateValue {
    if (depth > MAX_DEPTH) throw new UnknownExpression();
    const token = this.tokens[this.position++];
    if (token === undefined) throw new UnknownExpression();
    let value: TemplateValue;
    if (token.kind === 'string' || token.kind === 'number') {
      value = knownValue(token.value);
    } else if (token.kind === 'name') {
      let name = token.value;
      // User-defined functions are `namespace.name(...)`: parsed, never evaluated.
      let userDefined = false;
      if (this.peek('.') && this.tokens[this.position + 1]?.kind === 'name' && this.tokens[this.position + 2]?.value === '(') {
        this.position++;
        name = `${name}.${(this.tokens[this.position++] as Token).value}`;
        userDefined = true;
      }
      if (!this.expect('(')) throw new UnknownExpression();
      const args: TemplateValue[] = [];
      if (!this.expect(')')) {
        for (;;) {
          args.push(this.expression(depth + 1));
          if (this.expect(')')) break;
          if (!this.expect(',')) throw new UnknownExpression();
        }
      }
      value = userDefined ? UNKNOWN_VALUE : this.call(name.toLowerCase(), args);
    } else {
      throw new UnknownExpression();
    }
    // Member and index access.
    for (;;) {
      if (this.peek('.') && this.tokens[this.position + 1]?.kind === 'name') {
        this.position++;
        const key = (this.tokens[this.position++] as Token).value as string;
        value = this.member(value, key);
      } else if (this.expect('[')) {
        const index = this.expression(depth + 1);
        if (!this.expect(']')) throw new UnknownExpression();
        value = index.known && (typeof index.value === 'string' || typeof index.value === 'number') ? this.member(value, index.value) : UNKNOWN_VALUE;
      } else {
        return value;
      }
    }
  }

  /** `copyIndex()`, `copyIndex(offset)`, `copyIndex('loop')`, `copyIndex('loop', offset)` for the loop being unrolled. */
  private copyIndex(args: readonly TemplateValue[]): TemplateValue {
    const copy = this.scope.copy;
    if (copy === undefined || args.length > 2 || !args.every((arg) => arg.known)) return UNKNOWN_VALUE;
    const values = args.map((arg) => (arg as { value: TemplateStaticValue }).value);
    const loopName = typeof values[0] === 'string' ? values.shift() : undefined;
    if (loopName !== undefined && (copy.name === undefined || String(loopName).toLowerCase() !== copy.name.toLowerCase())) return UNKNOWN_VALUE;
    const offset = values[0] ?? 0;
    return typeof offset === 'number' && values.length <= 1 ? knownValue(copy.index + offset) : UNKNOWN_VALUE;
  }

  private member(value: TemplateValue, key: string | number): TemplateValue {
    if (!value.known) return UNKNOWN_VALUE;
    if (typeof key === 'number')
      return Array.isArray(value.value) && key < value.value.length ? knownValue((value.value as readonly TemplateStaticValue[])[key]) : UNKNOWN_VALUE;
    if (!isObjectValue(value.value)) return UNKNOWN_VALUE;
    const match = Object.keys(value.value).find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    return match === undefined ? UNKNOWN_VALUE : knownValue(value.value[match]);
  }

  private call(name: string, args: readonly TemplateValue[]): TemplateValue {
    if (name === 'if') {
      const [condition, whenTrue, whenFalse] = args;
      if (args.length !== 3 || !condition.known || typeof condition.value !== 'boolean') return UNKNOWN_VALUE;
      return condition.value ? whenTrue : whenFalse;
    }
    if (name === 'parameters' || name === 'variables') {
      const [key] = args;
      if (args.length !== 1 || !key.known || typeof key.value !== 'string') return UNKNOWN_VALUE;
      return name === 'parameters' ? this.scope.parameter(key.value) : this.scope.variable(key.value);
    }
    if (name === 'copyindex') return this.copyIndex(args);
    const implementation = FUNCTIONS[name];
    if (implementation === undefined || !args.every((arg) => arg.known)) return UNKNOWN_VALUE;
    return implementation(args.map((arg) => (arg as { value: TemplateStaticValue }).value));
  }
}

/** Thrown inside the evaluator only, to abandon an expression it cannot read; never escapes. */
class UnknownExpression extends Error {}

/**
 * Evaluates an ARM template expression (the text between `[` and `]`) when its value is static:
 * literals, `parameters()`, `variables()`, `concat`, `format`, `if`, `equals` and a few other pure
 * functions. Anything that depends on the deployment (`resourceGroup()`, `reference()`, ...) is unknown.
 */
export function evaluateArmExpression(source: string, scope: ArmScope): TemplateValue {
  const tokens = tokenize(source);
  if (tokens === undefined) return UNKNOWN_VALUE;
  try {
    return new ArmExpressionEvaluator(tokens, scope).run();
  } catch (error) {
    if (error instanceof UnknownExpression) return UNKNOWN_VALUE;
    throw error;
  }
}
