import type { TextEdit } from '../../findings/finding';
import type { PolicyExpression } from '../../policy/syntaxTree';
import type { Span } from '../../text/span';

/** A call that reads a message body (`Body.As<T>(...)`, `Body.AsFormUrlEncodedContent(...)`) in an expression. */
export interface BodyRead {
  /** Whose body: the current request, the current response, or another message (a stored send-request response). */
  readonly message: 'request' | 'response' | 'other';
  /** From the method name through the closing parenthesis, in document offsets. */
  readonly span: Span;
  /** Makes the call keep the body readable; undefined when it already passes `preserveContent: true` (or an argument we cannot evaluate). */
  readonly preserveEdit: TextEdit | undefined;
}

// Raw document text: inside attributes `<`, `>` and `"` may appear as entities.
const BODY_CALL = /(context\s*\.\s*(Request|Response)\s*\??\s*\.\s*)?\bBody\s*\??\s*\.\s*(As\s*(?:<|&lt;)[^()]*?(?:>|&gt;)|AsFormUrlEncodedContent)\s*\(/g;

/** Every body-reading call in one expression, with the edit that would preserve the body for later readers. */
export function bodyReadsIn(text: string, expression: PolicyExpression): BodyRead[] {
  const { start, end } = expression.codeSpan;
  const code = text.slice(start, end);
  const reads: BodyRead[] = [];
  for (const match of code.matchAll(BODY_CALL)) {
    const openParen = start + (match.index ?? 0) + match[0].length - 1;
    const closeParen = matchingParen(text, openParen, end);
    if (closeParen === undefined) continue;
    const methodStart = start + (match.index ?? 0) + match[0].lastIndexOf(match[3]);
    const receiver = match[2];
    reads.push({
      message: receiver === 'Request' ? 'request' : receiver === 'Response' ? 'response' : 'other',
      span: { start: methodStart, end: closeParen + 1 },
      preserveEdit: preserveEdit(text, { start: openParen + 1, end: closeParen }),
    });
  }
  return reads;
}

function matchingParen(text: string, open: number, limit: number): number | undefined {
  let depth = 0;
  for (let index = open; index < limit; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return index;
  }
  return undefined;
}

function preserveEdit(text: string, args: Span): TextEdit | undefined {
  const raw = text.slice(args.start, args.end);
  if (raw.trim() === '') return { span: args, newText: 'preserveContent: true' };
  const falseArgument = /^(\s*(?:preserveContent\s*:\s*)?)false\s*$/.exec(raw);
  if (!falseArgument) return undefined; // `true`, or a variable we cannot evaluate: assume the author meant to keep the body.
  const at = args.start + falseArgument[1].length;
  return { span: { start: at, end: at + 'false'.length }, newText: 'true' };
}
