import type { Finding, Fix, Severity } from '../findings/finding';
import { syntaxDocsUrl } from '../findings/docsUrl';
import type { Span } from '../text/span';
import { decodeEntities, type EntityProblem } from './entities';
import { documentSpan } from './csharp/expressionSource';
import { parseExpressionCode } from './csharp/parsedExpression';
import type { ParseProblem } from './csharp/parser';
import { scanExpression, startsExpression, type ExpressionScan } from './expressionScanner';
import { scanNamedValues } from './namedValueScanner';
import { textSearches, type TextSearches } from './textSearches';
import type { Embedded, PolicyExpression, XmlAttribute, XmlDocument, XmlElement, XmlNode } from './syntaxTree';
import { appendAll } from '../collections/appendAll';

/**
 * The APIM-aware XML reader. Hand-written because no XML library reads policies as APIM does:
 * expressions may hold raw `<`, `&&` and nested quotes, and an editor needs a tree with exact
 * offsets and recovery from half-typed markup. It is a single forward pass with an explicit
 * element stack (no recursion), linear in the input, and it never throws.
 */

/** Elements nested deeper than this are skipped (and reported), which keeps every tree walk shallow. */
export const MAX_ELEMENT_DEPTH = 256;
/** After this many syntax findings the rest are summarised in one, so garbage input stays cheap. */
export const MAX_SYNTAX_FINDINGS = 200;

export const SYNTAX_CODES = [
  'xml-unclosed-element',
  'xml-unclosed-start-tag',
  'xml-unclosed-end-tag',
  'xml-unexpected-end-tag',
  'xml-invalid-tag-start',
  'xml-unexpected-character',
  'xml-attribute-without-value',
  'xml-unquoted-attribute-value',
  'xml-unterminated-attribute-value',
  'xml-lt-in-attribute-value',
  'xml-duplicate-attribute',
  'xml-unterminated-comment',
  'xml-unterminated-cdata',
  'xml-unterminated-declaration',
  'xml-doctype',
  'xml-misplaced-declaration',
  'xml-unknown-entity',
  'xml-bare-ampersand',
  'xml-invalid-character-reference',
  'xml-invalid-character',
  'xml-text-outside-root',
  'xml-multiple-roots',
  'xml-nesting-too-deep',
  'xml-too-many-problems',
  'expression-unterminated',
  'expression-trailing-text',
  'csharp-unterminated-string',
  'csharp-unterminated-char',
  'csharp-invalid-char',
  'csharp-unterminated-comment',
  'csharp-unexpected-character',
  'csharp-unbalanced-brackets',
  'csharp-missing-semicolon',
  'csharp-missing-return',
  'csharp-expected-expression',
  'csharp-unexpected-token',
  'csharp-nesting-too-deep',
] as const;

/** Problems of a literal or comment that runs on: they explain an expression whose closing bracket is not found. */
const LITERAL_PROBLEMS: ReadonlySet<string> = new Set(['csharp-unterminated-string', 'csharp-unterminated-char', 'csharp-unterminated-comment']);

export type SyntaxCode = (typeof SYNTAX_CODES)[number];

export interface ParseResult {
  readonly document: XmlDocument;
  readonly findings: Finding[];
}

export function parsePolicy(text: string): ParseResult {
  return new PolicyParser(text).parse();
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const EQUALS = 61; // =
const DOUBLE_QUOTE = 34; // "
const SINGLE_QUOTE = 39; // '
const BANG = 33; // !
const QUESTION = 63; // ?

/** The scan found the expression's end without running into the markup around it. */
function endsCleanly(scan: ExpressionScan): boolean {
  return scan.closed && scan.markupLine === undefined;
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 58 || code >= 0xc0;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === 45 || code === 46 || code === 0xb7;
}

/** Attributes on one element whose names are compared one by one for duplicates; past them, a set. */
const ATTRIBUTES_SCANNED = 16;

function hasAttributeNamed(attributes: readonly XmlAttribute[], name: string): boolean {
  for (const previous of attributes) if (previous.name === name) return true;
  return false;
}

/** C0 controls other than tab, newline and carriage return are not allowed anywhere in XML 1.0. */
function isInvalidXmlChar(code: number): boolean {
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffe || code === 0xffff;
}

class PolicyParser {
  private pos = 0;
  private readonly findings: Finding[] = [];
  private findingsDropped = 0;
  private readonly topLevel: XmlNode[] = [];
  private readonly stack: XmlElement[] = [];
  /** Open elements beyond MAX_ELEMENT_DEPTH: counted so their end tags still match, but not kept. */
  private skippedDepth = 0;
  private root: XmlElement | undefined;
  /** The last expression scan, reused when the same value is decoded right after its end was found. */
  private lastScan: { start: number; result: ExpressionScan } | undefined;
  private readonly searches: TextSearches;
  /**
   * Characters that unterminated expressions may still scan. Each one scans to the end of the text; once a
   * hostile or badly broken document has used this up, expressions are only looked for up to the next `<`,
   * which keeps the whole parse linear.
   */
  private unterminatedScanBudget: number;
  private lineBreakCache: string | undefined;

  constructor(private readonly text: string) {
    this.searches = textSearches(text);
    this.unterminatedScanBudget = 4 * text.length + 4096;
  }

  /** The document's line break style, for inserted lines. */
  private get lineBreak(): string {
    this.lineBreakCache ??= this.text.includes('\r\n') ? '\r\n' : '\n';
    return this.lineBreakCache;
  }

  parse(): ParseResult {
    const text = this.text;
    this.reportInvalidCharacters();
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
    while (this.pos < text.length) {
      if (text.charCodeAt(this.pos) === LT) this.readMarkup();
      else this.readText();
    }
    this.closeAllAtEnd();
    if (this.findingsDropped > 0) {
      this.findings.push(this.finding('xml-too-many-problems', 'info', { start: 0, end: 0 }, `${this.findingsDropped} more syntax problems are not shown.`));
    }
    return { document: { text, children: this.topLevel, root: this.root }, findings: this.findings };
  }

  // ---- findings -------------------------------------------------------------------------------

  private finding(code: SyntaxCode, severity: Severity, range: Span, message: string, fixes: Fix[] = []): Finding {
    return { code, kind: 'syntax', severity, message, span: range, docsUrl: syntaxDocsUrl(code), fixes };
  }

  private report(code: SyntaxCode, range: Span, message: string, fixes: Fix[] = [], severity: Severity = 'error'): void {
    if (this.findings.length >= MAX_SYNTAX_FINDINGS) {
      this.findingsDropped++;
      return;
    }
    this.findings.push(this.finding(code, severity, range, message, fixes));
  }

  private reportInvalidCharacters(): void {
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      if (isInvalidXmlChar(text.charCodeAt(i))) {
        // One finding per document: binary content would otherwise produce thousands.
        const code = text.charCodeAt(i);
        this.report(
          'xml-invalid-character',
          { start: i, end: i + 1 },
          `Character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML; is this a binary file?`,
        );
        return;
      }
    }
  }

  // ---- tree building --------------------------------------------------------------------------

  private get currentChildren(): XmlNode[] {
    const top = this.stack[this.stack.length - 1];
    return top ? top.children : this.topLevel;
  }

  private appendNode(node: XmlNode): void {
    if (this.skippedDepth > 0) return;
    this.currentChildren.push(node);
  }

  private openElement(element: XmlElement): void {
    if (this.skippedDepth > 0 || this.stack.length >= MAX_ELEMENT_DEPTH) {
      if (this.skippedDepth === 0) {
        this.report(
          'xml-nesting-too-deep',
          element.nameSpan,
          `Elements are nested more than ${MAX_ELEMENT_DEPTH} levels deep; deeper content is not analysed.`,
        );
      }
      if (!element.selfClosing && element.startTagClosed) this.skippedDepth++;
      return;
    }
    if (this.stack.length === 0) {
      if (this.root === undefined) this.root = element;
      else
        this.report('xml-multiple-roots', element.nameSpan, `A policy document has one root element; <${element.name}> follows the root <${this.root.name}>.`);
    }
    this.currentChildren.push(element);
    if (!element.selfClosing && element.startTagClosed) this.stack.push(element);
  }

  private closeAllAtEnd(): void {
    const end = this.text.length;
    while (this.stack.length > 0) {
      const element = this.stack.pop() as XmlElement;
      this.reportUnclosed(element, end);
      element.span = { start: element.span.start, end };
    }
  }

  /** Reports an element that never got its end tag; the fix inserts one at `insertAt`. */
  private reportUnclosed(element: XmlElement, insertAt: number): void {
    const fix: Fix = { title: `Insert </${element.name}>`, edits: [this.endTagInsertion(element, insertAt)], isPreferred: true };
    this.report('xml-unclosed-element', element.nameSpan, `<${element.name}> is never closed: add </${element.name}> or make it self-closing.`, [fix]);
  }

  /** Inserts `</name>` on its own line with the start tag's indentation when `insertAt` begins a line's content. */
  private endTagInsertion(element: XmlElement, insertAt: number): { span: Span; newText: string } {
    const text = this.text;
    let lineStart = insertAt;
    while (lineStart > 0 && (text.charCodeAt(lineStart - 1) === 32 || text.charCodeAt(lineStart - 1) === 9)) lineStart--;
    const atLineStart = lineStart === 0 || text.charCodeAt(lineStart - 1) === 10 || text.charCodeAt(lineStart - 1) === 13;
    if (!atLineStart || insertAt >= text.length) {
      return { span: { start: insertAt, end: insertAt }, newText: `</${element.name}>` };
    }
    const indent = this.indentationOfLineAt(element.span.start);
    return { span: { start: lineStart, end: lineStart }, newText: `${indent}</${element.name}>${this.lineBreak}` };
  }

  private indentationOfLineAt(offset: number): string {
    const text = this.text;
    let lineStart = offset;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
    let indentEnd = lineStart;
    while (indentEnd < offset && (text.charCodeAt(indentEnd) === 32 || text.charCodeAt(indentEnd) === 9)) indentEnd++;
    return text.slice(lineStart, indentEnd);
  }

  // ---- markup -----------------------------------------------------------------------------------

  private readMarkup(): void {
    const text = this.text;
    const start = this.pos;
    const next = text.charCodeAt(start + 1);
    if (next === BANG) {
      if (text.startsWith('<!--', start)) this.readComment();
      else if (text.startsWith('<![CDATA[', start)) this.readCData();
      else this.readDeclaration();
    } else if (next === QUESTION) {
      this.readProcessingInstruction();
    } else if (next === SLASH) {
      this.readEndTag();
    } else if (isNameStart(next)) {
      this.readStartTag();
    } else {
      this.report('xml-invalid-tag-start', { start, end: start + 1 }, '`<` must start a tag here; write `&lt;` for a literal less-than sign.');
      this.readText(true);
    }
  }

  private readComment(): void {
    const start = this.pos;
    const close = this.text.indexOf('-->', start + 4);
    const closed = close !== -1;
    const end = closed ? close + 3 : this.text.length;
    if (!closed) {
      this.report('xml-unterminated-comment', { start, end: start + 4 }, 'This comment is never closed with `-->`; everything after it is ignored.');
    }
    this.appendNode({ kind: 'comment', span: { start, end }, contentSpan: { start: start + 4, end: closed ? close : end }, closed });
    this.pos = end;
  }

  private readCData(): void {
    const start = this.pos;
    const contentStart = start + 9;
    const close = this.text.indexOf(']]>', contentStart);
    const closed = close !== -1;
    const contentEnd = closed ? close : this.text.length;
    const end = closed ? close + 3 : this.text.length;
    if (!closed) {
      this.report('xml-unterminated-cdata', { start, end: contentStart }, 'This CDATA section is never closed with `]]>`.');
    }
    this.appendNode({
      kind: 'cdata',
      span: { start, end },
      contentSpan: { start: contentStart, end: contentEnd },
      value: this.text.slice(contentStart, contentEnd),
      closed,
    });
    this.pos = end;
  }

  /** `<!DOCTYPE ...>` (with an internal subset in brackets) or another `<!...>`: reported and skipped, never processed. */
  private readDeclaration(): void {
    const text = this.text;
    const start = this.pos;
    let pos = start + 2;
    let bracketDepth = 0;
    let quote = 0;
    while (pos < text.length) {
      const code = text.charCodeAt(pos);
      if (quote !== 0) {
        if (code === quote) quote = 0;
      } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
        quote = code;
      } else if (code === 91 /* [ */) {
        bracketDepth++;
      } else if (code === 93 /* ] */) {
        bracketDepth = Math.max(0, bracketDepth - 1);
      } else if (code === GT && bracketDepth === 0) {
        break;
      }
      pos++;
    }
    const closed = pos < text.length;
    const end = closed ? pos + 1 : text.length;
    const isDoctype = text.startsWith('<!DOCTYPE', start);
    if (isDoctype) {
      this.report(
        'xml-doctype',
        { start, end: start + 9 },
        'APIM does not accept a DOCTYPE in a policy; it is ignored here and its entities are never expanded.',
      );
    } else {
      this.report('xml-invalid-tag-start', { start, end: start + 2 }, 'Unknown markup declaration `<!`; only comments and CDATA sections may start with `<!`.');
    }
    if (!closed) this.report('xml-unterminated-declaration', { start, end: start + 2 }, 'This declaration is never closed with `>`.');
    this.appendNode({ kind: 'doctype', span: { start, end } });
    this.pos = end;
  }

  private readProcessingInstruction(): void {
    const start = this.pos;
    const close = this.text.indexOf('?>', start + 2);
    const end = close === -1 ? this.text.length : close + 2;
    if (close === -1) this.report('xml-unterminated-declaration', { start, end: start + 2 }, 'This processing instruction is never closed with `?>`.');
    const isXmlDeclaration = /^<\?xml[\s?]/.test(this.text.slice(start, start + 6));
    const documentStart = this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (isXmlDeclaration && start !== documentStart) {
      this.report('xml-misplaced-declaration', { start, end: start + 5 }, 'The XML declaration must be the very first thing in the document.');
    }
    this.appendNode({ kind: 'processing-instruction', span: { start, end } });
    this.pos = end;
  }

  private readName(): Span {
    const text = this.text;
    const start = this.pos;
    while (this.pos < text.length && isNameChar(text.charCodeAt(this.pos))) this.pos++;
    return { start, end: this.pos };
  }

  private skipWhitespace(): void {
    const text = this.text;
    while (this.pos < text.length && isWhitespace(text.charCodeAt(this.pos))) this.pos++;
  }

  private readStartTag(): void {
    const text = this.text;
    const start = this.pos;
    this.pos++;
    const nameSpan = this.readName();
    const name = text.slice(nameSpan.start, nameSpan.end);
    const attributes: XmlAttribute[] = [];
    // A scan of the first few names, then a set: 20,000 attributes on one element stay linear, and the common
    // element with a handful of attributes allocates no set.
    let attributeNames: Set<string> | undefined;
    let selfClosing = false;
    let startTagClosed = false;
    while (this.pos < text.length) {
      this.skipWhitespace();
      const code = text.charCodeAt(this.pos);
      if (code === GT) {
        this.pos++;
        startTagClosed = true;
        break;
      }
      if (code === SLASH && text.charCodeAt(this.pos + 1) === GT) {
        this.pos += 2;
        selfClosing = true;
        startTagClosed = true;
        break;
      }
      if (code === LT || this.pos >= text.length) break;
      if (isNameStart(code)) {
        const attribute = this.readAttribute();
        if (attributeNames === undefined && attributes.length >= ATTRIBUTES_SCANNED) attributeNames = new Set(attributes.map((previous) => previous.name));
        if (attributeNames ? attributeNames.has(attribute.name) : hasAttributeNamed(attributes, attribute.name)) {
          this.report('xml-duplicate-attribute', attribute.nameSpan, `Attribute '${attribute.name}' appears more than once on <${name}>.`, [
            {
              title: `Remove the repeated '${attribute.name}'`,
              edits: [{ span: this.withLeadingWhitespace(attribute.span), newText: '' }],
              isPreferred: false,
            },
          ]);
        }
        attributes.push(attribute);
        attributeNames?.add(attribute.name);
        continue;
      }
      // One finding for a run of stray characters, not one per character.
      const strayStart = this.pos;
      while (this.pos < text.length) {
        const stray = text.charCodeAt(this.pos);
        if (isWhitespace(stray) || isNameStart(stray) || stray === GT || stray === LT || (stray === SLASH && text.charCodeAt(this.pos + 1) === GT)) break;
        this.pos++;
      }
      this.report(
        'xml-unexpected-character',
        { start: strayStart, end: this.pos },
        `Unexpected '${text.slice(strayStart, Math.min(this.pos, strayStart + 20))}' in the start tag of <${name}>.`,
      );
    }
    if (!startTagClosed) {
      this.report('xml-unclosed-start-tag', nameSpan, `The start tag of <${name}> is not closed with '>' or '/>'.`, [
        { title: 'Insert >', edits: [{ span: { start: this.trimmedEnd(this.pos), end: this.trimmedEnd(this.pos) }, newText: '>' }], isPreferred: false },
      ]);
    }
    const startTagSpan = { start, end: this.pos };
    const element: XmlElement = {
      kind: 'element',
      name,
      nameSpan,
      span: startTagSpan,
      startTagSpan,
      startTagClosed,
      selfClosing,
      attributes,
      children: [],
      endTag: undefined,
      closed: selfClosing,
      parent: this.stack[this.stack.length - 1],
    };
    this.openElement(element);
  }

  /** The offset after the last non-whitespace character before `offset`. */
  private trimmedEnd(offset: number): number {
    let end = offset;
    while (end > 0 && isWhitespace(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  private withLeadingWhitespace(range: Span): Span {
    let start = range.start;
    while (start > 0 && isWhitespace(this.text.charCodeAt(start - 1))) start--;
    return { start, end: range.end };
  }

  private readAttribute(): XmlAttribute {
    const text = this.text;
    const nameSpan = this.readName();
    const name = text.slice(nameSpan.start, nameSpan.end);
    const afterName = this.pos;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) !== EQUALS) {
      this.pos = afterName;
      this.report('xml-attribute-without-value', nameSpan, `Attribute '${name}' has no value; write ${name}="...".`);
      return { name, nameSpan, value: undefined, valueSpan: undefined, quote: undefined, span: nameSpan, embedded: [] };
    }
    this.pos++;
    this.skipWhitespace();
    const quoteCode = text.charCodeAt(this.pos);
    if (quoteCode !== DOUBLE_QUOTE && quoteCode !== SINGLE_QUOTE) {
      return this.readUnquotedAttributeValue(name, nameSpan);
    }
    const quote = quoteCode === DOUBLE_QUOTE ? '"' : "'";
    const valueStart = this.pos + 1;
    const valueEnd = this.findAttributeValueEnd(valueStart, quote, name);
    const closed = text.charCodeAt(valueEnd) === quoteCode;
    this.pos = closed ? valueEnd + 1 : valueEnd;
    const valueSpan = { start: valueStart, end: valueEnd };
    const { value, embedded } = this.decodeValue(valueSpan, 'attribute');
    return { name, nameSpan, value, valueSpan, quote, span: { start: nameSpan.start, end: this.pos }, embedded };
  }

  /**
   * Where a quoted value ends. An expression value is scanned as C# first, so quotes inside it do not
   * end the value; a value without its closing quote ends at the line's `>` so one slip does not eat the document.
   */
  private findAttributeValueEnd(valueStart: number, quote: string, name: string): number {
    const text = this.text;
    let scanFrom = valueStart;
    let expressionStart = valueStart;
    while (expressionStart < text.length && isWhitespace(text.charCodeAt(expressionStart))) expressionStart++;
    if (startsExpression(text, expressionStart)) {
      const scan = this.scanExpressionAt(expressionStart, text.length);
      if (endsCleanly(scan)) scanFrom = scan.end;
      else {
        const end = this.brokenExpressionValueEnd(expressionStart, quote);
        if (end !== -1) return end;
      }
    }
    const close = (quote === '"' ? this.searches.doubleQuote : this.searches.singleQuote).next(scanFrom);
    if (close !== -1 && !this.hasMarkupOnLaterLine(scanFrom, close)) return close;
    // No closing quote before markup on a later line: end the value at the first `>`, `/>` or line break.
    let end = scanFrom;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === GT || code === 10 || code === 13 || code === LT || (code === SLASH && text.charCodeAt(end + 1) === GT)) break;
      end++;
    }
    this.report(
      'xml-unterminated-attribute-value',
      { start: valueStart - 1, end },
      `The value of '${name}' is missing its closing ${quote === '"' ? 'double' : 'single'} quote.`,
      [{ title: `Insert ${quote}`, edits: [{ span: { start: end, end }, newText: quote }], isPreferred: true }],
    );
    return end;
  }

  /**
   * The end of a value whose expression does not close (usually a C# string missing its quote): the last
   * quote on the expression's first line that is followed by the tag's `>`, `/>` or another attribute, so
   * the C# problem is reported once and the rest of the tag still reads as XML. -1 when there is none.
   */
  private brokenExpressionValueEnd(expressionStart: number, quote: string): number {
    const text = this.text;
    const newline = this.searches.newline.next(expressionStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const quoteCode = quote.charCodeAt(0);
    for (let index = lineEnd - 1; index > expressionStart + 1; index--) {
      if (text.charCodeAt(index) === quoteCode && this.endsAttributeValue(index + 1, lineEnd)) return index;
    }
    return -1;
  }

  /** What follows a value's closing quote: `>`, `/>`, another `name=`, or the end of the line. */
  private endsAttributeValue(from: number, lineEnd: number): boolean {
    const text = this.text;
    let pos = from;
    while (pos < lineEnd && (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9 || text.charCodeAt(pos) === 13)) pos++;
    if (pos >= lineEnd) return true;
    const code = text.charCodeAt(pos);
    if (code === GT || (code === SLASH && text.charCodeAt(pos + 1) === GT)) return true;
    if (pos === from || !isNameStart(code)) return false;
    while (pos < lineEnd && isNameChar(text.charCodeAt(pos))) pos++;
    while (pos < lineEnd && isWhitespace(text.charCodeAt(pos))) pos++;
    return text.charCodeAt(pos) === EQUALS;
  }

  /** A line break followed later by `<` between `from` and `to`: the sign of a value whose closing quote is missing. */
  private hasMarkupOnLaterLine(from: number, to: number): boolean {
    const newline = this.searches.newline.next(from);
    if (newline === -1 || newline >= to) return false;
    const lessThan = this.searches.lessThan.next(newline);
    return lessThan !== -1 && lessThan < to;
  }

  private readUnquotedAttributeValue(name: string, nameSpan: Span): XmlAttribute {
    const text = this.text;
    const valueStart = this.pos;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      if (isWhitespace(code) || code === GT || code === LT || (code === SLASH && text.charCodeAt(this.pos + 1) === GT)) break;
      this.pos++;
    }
    const valueSpan = { start: valueStart, end: this.pos };
    const fixes: Fix[] =
      valueSpan.end > valueSpan.start
        ? [
            {
              title: 'Quote the value',
              edits: [{ span: valueSpan, newText: `"${text.slice(valueSpan.start, valueSpan.end).replace(/"/g, '&quot;')}"` }],
              isPreferred: true,
            },
          ]
        : [];
    this.report('xml-unquoted-attribute-value', valueSpan.end > valueSpan.start ? valueSpan : nameSpan, `The value of '${name}' must be in quotes.`, fixes);
    const { value, embedded } = this.decodeValue(valueSpan, 'attribute');
    return { name, nameSpan, value, valueSpan, quote: undefined, span: { start: nameSpan.start, end: this.pos }, embedded };
  }

  private readEndTag(): void {
    const text = this.text;
    const start = this.pos;
    this.pos += 2;
    const nameSpan = this.readName();
    const name = text.slice(nameSpan.start, nameSpan.end);
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === GT) {
      this.pos++;
    } else {
      this.report(
        'xml-unclosed-end-tag',
        nameSpan.end > nameSpan.start ? nameSpan : { start, end: start + 2 },
        `The end tag </${name}> is not closed with '>'.`,
        [{ title: 'Insert >', edits: [{ span: { start: nameSpan.end, end: nameSpan.end }, newText: '>' }], isPreferred: true }],
      );
    }
    const endTag = { span: { start, end: this.pos }, nameSpan };
    if (this.skippedDepth > 0) {
      this.skippedDepth--;
      return;
    }
    let matchIndex = -1;
    for (let index = this.stack.length - 1; index >= 0; index--) {
      if (this.stack[index].name === name) {
        matchIndex = index;
        break;
      }
    }
    if (matchIndex === -1) {
      const removal: Fix = { title: `Remove </${name}>`, edits: [{ span: endTag.span, newText: '' }], isPreferred: false };
      const message = name.length === 0 ? 'An end tag needs a name.' : `</${name}> does not close any open element.`;
      this.report('xml-unexpected-end-tag', nameSpan.end > nameSpan.start ? nameSpan : endTag.span, message, [removal]);
      return;
    }
    while (this.stack.length - 1 > matchIndex) {
      const unclosed = this.stack.pop() as XmlElement;
      this.reportUnclosed(unclosed, start);
      unclosed.span = { start: unclosed.span.start, end: start };
    }
    const element = this.stack.pop() as XmlElement;
    element.endTag = endTag;
    element.closed = true;
    element.span = { start: element.span.start, end: this.pos };
  }

  /** Scans the expression at `start` within `limit`, reusing the previous scan of the same expression when it still applies. */
  private scanExpressionAt(start: number, limit: number): ExpressionScan {
    const cached = this.lastScan;
    if (cached && cached.start === start && (cached.result.closed ? cached.result.end <= limit : cached.result.end === limit)) {
      return cached.result;
    }
    let bound = limit;
    if (this.unterminatedScanBudget <= 0) {
      const lessThan = this.searches.lessThan.next(start + 2);
      if (lessThan !== -1) bound = Math.min(limit, lessThan);
    }
    const result = scanExpression(this.text, start, bound);
    if (!result.closed) this.unterminatedScanBudget -= result.end - start;
    this.lastScan = { start, result };
    return result;
  }

  // ---- text -----------------------------------------------------------------------------------

  /** Reads character data up to the next `<` that is not inside a policy expression. */
  private readText(includeCurrentLt = false): void {
    const text = this.text;
    const start = this.pos;
    let scanFrom = includeCurrentLt ? start + 1 : start;
    let contentStart = start;
    while (contentStart < text.length && isWhitespace(text.charCodeAt(contentStart))) contentStart++;
    if (!includeCurrentLt && startsExpression(text, contentStart)) {
      const scan = this.scanExpressionAt(contentStart, text.length);
      if (endsCleanly(scan)) scanFrom = scan.end;
    }
    let end = text.indexOf('<', scanFrom);
    if (end === -1) end = text.length;
    this.pos = end;
    const range = { start, end };
    const { value, embedded } = this.decodeValue(range, 'text');
    if (this.stack.length === 0 && this.skippedDepth === 0 && value.trim().length > 0) {
      this.report('xml-text-outside-root', { start: contentStart, end: this.trimmedEnd(end) }, 'Text outside the root element is not allowed.');
    }
    this.appendNode({ kind: 'text', span: range, value, embedded });
  }

  // ---- values -----------------------------------------------------------------------------------

  /** Decodes a value or text run, finding its expression (when the value is one) and its `{{named value}}` references. */
  private decodeValue(range: Span, where: 'attribute' | 'text'): { value: string; embedded: Embedded[] } {
    const text = this.text;
    const embedded: Embedded[] = [];
    let contentStart = range.start;
    while (contentStart < range.end && isWhitespace(text.charCodeAt(contentStart))) contentStart++;
    let expression: PolicyExpression | undefined;
    if (startsExpression(text, contentStart)) {
      const scan = this.scanExpressionAt(contentStart, range.end);
      const closed = endsCleanly(scan);
      const form = text.charCodeAt(contentStart + 1) === 40 ? 'single' : 'multi';
      const codeEnd = closed ? scan.end - 1 : scan.end;
      const codeSpan = { start: contentStart + 2, end: codeEnd };
      const csharp = parseExpressionCode(text, codeSpan, form);
      expression = { kind: 'expression', form, span: { start: contentStart, end: scan.end }, codeSpan, closed, csharp };
      embedded.push(expression);
      const problem = csharp.syntax.problem;
      const truncated = csharp.syntax.truncated;
      if (truncated && !problem) {
        this.report(
          'csharp-nesting-too-deep',
          documentSpan(csharp.source, truncated.start, Math.max(truncated.end, truncated.start + 1)),
          `This expression nests more than ${truncated.depth} levels deep, too deep for APIM Studio to check; the rest of it is not analysed (APIM may well accept it).`,
          [],
          'info',
        );
      }
      if (!closed) {
        // A literal that never ends is the cause; the missing bracket only its echo.
        if (problem && LITERAL_PROBLEMS.has(problem.code)) this.reportCSharpProblem(expression, problem);
        else {
          const closer = form === 'single' ? ')' : '}';
          this.report('expression-unterminated', { start: contentStart, end: contentStart + 2 }, `This policy expression is missing its closing '${closer}'.`);
        }
      } else {
        let trailingStart = scan.end;
        while (trailingStart < range.end && isWhitespace(text.charCodeAt(trailingStart))) trailingStart++;
        let trailingEnd = range.end;
        while (trailingEnd > trailingStart && isWhitespace(text.charCodeAt(trailingEnd - 1))) trailingEnd--;
        if (trailingEnd > trailingStart) {
          this.report(
            'expression-trailing-text',
            { start: trailingStart, end: trailingEnd },
            `Text after a policy expression is not allowed: APIM reads the whole ${where === 'attribute' ? 'value' : 'element text'} as one expression.`,
          );
        } else if (problem) {
          this.reportCSharpProblem(expression, problem);
        }
      }
    }
    appendAll(embedded, scanNamedValues(text, range.start, range.end, this.searches.namedValueOpen, this.searches.namedValueClose));
    const verbatim = expression ? [expression.span] : [];
    const decoded = decodeEntities(text, range.start, range.end, verbatim, this.searches.ampersand);
    for (const problem of decoded.problems) this.reportEntityProblem(problem);
    if (where === 'attribute' && !expression) this.reportLessThanInValue(range);
    return { value: decoded.value, embedded };
  }

  /** A C# problem, on the document's characters; one that has no place of its own (a missing return) marks `@{`. */
  private reportCSharpProblem(expression: PolicyExpression, problem: ParseProblem): void {
    const opener = { start: expression.span.start, end: expression.span.start + 2 };
    const range =
      problem.end > problem.start
        ? documentSpan(expression.csharp.source, problem.start, problem.end)
        : problem.start === 0
          ? opener
          : documentSpan(expression.csharp.source, problem.start, problem.start + 1);
    this.report(problem.code, range, problem.message);
  }

  private reportEntityProblem(problem: EntityProblem): void {
    const range = { start: problem.start, end: problem.end };
    if (problem.kind === 'unknown-entity') {
      this.report(
        'xml-unknown-entity',
        range,
        `Entity '&${problem.name};' is not defined; only &lt; &gt; &amp; &quot; &apos; and character references are expanded.`,
      );
    } else if (problem.kind === 'invalid-character-reference') {
      this.report('xml-invalid-character-reference', range, `'&${problem.name};' is not a valid character reference.`);
    } else {
      this.report('xml-bare-ampersand', range, "A literal '&' must be written '&amp;' outside policy expressions.", [
        { title: "Replace with '&amp;'", edits: [{ span: range, newText: '&amp;' }], isPreferred: true },
      ]);
    }
  }

  private reportLessThanInValue(range: Span): void {
    const lt = this.searches.lessThan.next(range.start);
    if (lt !== -1 && lt < range.end) {
      this.report('xml-lt-in-attribute-value', { start: lt, end: lt + 1 }, "A literal '<' must be written '&lt;' in an attribute value.", [
        { title: "Replace with '&lt;'", edits: [{ span: { start: lt, end: lt + 1 }, newText: '&lt;' }], isPreferred: true },
      ]);
    }
  }
}
