import type { XmlAttribute } from '../../policy/syntaxTree';
import { expressionCode } from './policyExpressions';

/**
 * The value of a C# expression made only of literals (strings, numbers, true/false) joined with `+` and
 * parentheses, e.g. `"all"` or `"tenant-" + "a"`; also `return <literal>;` blocks. Undefined when the
 * code reads anything at run time. Strings are concatenated; numbers and booleans keep their source text.
 */
export function constantExpressionValue(code: string, form: 'single' | 'multi'): string | undefined {
  let body = code.trim();
  if (form === 'multi') {
    const match = /^return\b([\s\S]*?);?\s*$/.exec(body);
    if (!match) return undefined;
    body = match[1].trim();
  }
  let value = '';
  let index = 0;
  let sawLiteral = false;
  while (index < body.length) {
    const char = body[index];
    if (/\s/.test(char) || char === '(' || char === ')' || char === '+') {
      index++;
      continue;
    }
    const literal = readLiteral(body, index);
    if (!literal) return undefined;
    value += literal.value;
    index = literal.end;
    sawLiteral = true;
  }
  return sawLiteral ? value : undefined;
}

function readLiteral(code: string, start: number): { value: string; end: number } | undefined {
  const rest = code.slice(start);
  const word = /^(?:true|false|\d+(?:\.\d+)?)(?![\w.])/.exec(rest);
  if (word) return { value: word[0], end: start + word[0].length };
  if (rest.startsWith('@"')) return readVerbatimString(code, start + 2);
  if (rest.startsWith('$"') || rest.startsWith('"')) {
    const interpolated = rest.startsWith('$');
    const result = readRegularString(code, start + (interpolated ? 2 : 1));
    // An interpolation hole reads a value at run time; `{{` is an escaped brace.
    if (result && interpolated && /\{(?!\{)/.test(result.value.replace(/\{\{/g, ''))) return undefined;
    return result && interpolated ? { value: result.value.replace(/\{\{/g, '{').replace(/\}\}/g, '}'), end: result.end } : result;
  }
  return undefined;
}

function readRegularString(code: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  for (let index = start; index < code.length; index++) {
    const char = code[index];
    if (char === '"') return { value, end: index + 1 };
    if (char === '\\' && index + 1 < code.length) {
      index++;
      value += code[index] === 'n' ? '\n' : code[index] === 't' ? '\t' : code[index];
    } else value += char;
  }
  return undefined;
}

function readVerbatimString(code: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  for (let index = start; index < code.length; index++) {
    if (code[index] !== '"') value += code[index];
    else if (code[index + 1] === '"') {
      value += '"';
      index++;
    } else return { value, end: index + 1 };
  }
  return undefined;
}

/**
 * The value an attribute always has: its literal text, or the value of a literal-only expression
 * (`@("all")`). Undefined when it depends on the request or on a named value (set per environment).
 */
export function constantAttributeValue(text: string, attribute: XmlAttribute | undefined): string | undefined {
  if (!attribute || attribute.value === undefined) return undefined;
  if (attribute.embedded.length === 0) return attribute.value;
  if (attribute.embedded.length !== 1) return undefined;
  const only = attribute.embedded[0];
  if (only.kind !== 'expression' || !only.closed) return undefined;
  // Text around the expression (`x@("y")`) makes it a plain string for APIM, not an expression; stay unsure.
  if (attribute.valueSpan && (only.span.start !== attribute.valueSpan.start || only.span.end !== attribute.valueSpan.end)) return undefined;
  return constantExpressionValue(expressionCode(text, only), only.form);
}
