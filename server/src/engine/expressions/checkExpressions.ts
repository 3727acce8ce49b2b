import type { PolicyExpression, XmlDocument, XmlElement } from '../policy/syntaxTree';
import { attribute } from '../policy/syntaxTree';
import { allElements, allExpressions } from '../policy/treeQueries';
import { documentSpan } from '../policy/csharp/expressionSource';
import type { Expression, SyntaxNode, TypeSyntax } from '../policy/csharp/syntax';
import { childNodes } from '../policy/csharp/syntax';
import { nearestNames } from '../schema/nearestNames';
import type { Finding } from '../findings/finding';
import type { SchemaCode } from '../schema/schemaCodes';
import { SchemaReporter } from '../schema/schemaReporter';
import { ALLOWED_TYPES } from './allowedTypes';
import { EXPRESSION_TYPES } from './contextMembers';
import { displayType, dottedName, expressionTypes, MAX_WALK_DEPTH, typeName, type ExpressionTypes } from './expressionTypes';

/**
 * What APIM's compiler or gateway would reject in an expression that parses: a misspelled member of a
 * `context` type, a .NET type outside the allowed list, `GetValueOrDefault<T>` with a T no `set-variable`
 * here stores, and `context.Variables["x"]` where nothing in the document sets `x`. Each check speaks only
 * when the model is certain; anything it cannot see (other scopes, fragments, undocumented members) keeps it quiet.
 */

type ExpressionCheckCode = Extract<SchemaCode, `expression-${string}`>;

/** Types whose members the policy expressions reference lists in full. */
const DOCUMENTED_TYPES: ReadonlySet<string> = new Set([
  'IProxyContext',
  'IApi',
  'IDeployment',
  'ILastError',
  'IOperation',
  'IProduct',
  'IRequest',
  'IResponse',
  'ISubscription',
  'IUser',
  'IUrl',
  'IMessageBody',
  'IGroup',
  'IUserIdentity',
  'IPrivateEndpointConnection',
  'ISubscriptionKeyParameterNames',
  'Jwt',
  'BasicAuthCredentials',
]);

/** Every .NET object has these. */
const OBJECT_MEMBERS: ReadonlySet<string> = new Set(['ToString', 'Equals', 'GetHashCode', 'GetType']);

/** Well-known types APIM does not allow, by the short name an expression would use. */
const DENIED_TYPES: Readonly<Record<string, string>> = {
  Activator: 'System.Activator',
  AppDomain: 'System.AppDomain',
  Assembly: 'System.Reflection.Assembly',
  Console: 'System.Console',
  Directory: 'System.IO.Directory',
  Environment: 'System.Environment',
  File: 'System.IO.File',
  FileStream: 'System.IO.FileStream',
  HttpClient: 'System.Net.Http.HttpClient',
  HttpWebRequest: 'System.Net.HttpWebRequest',
  Process: 'System.Diagnostics.Process',
  Socket: 'System.Net.Sockets.Socket',
  StreamReader: 'System.IO.StreamReader',
  StreamWriter: 'System.IO.StreamWriter',
  TcpClient: 'System.Net.Sockets.TcpClient',
  Thread: 'System.Threading.Thread',
  WebClient: 'System.Net.WebClient',
  WebRequest: 'System.Net.WebRequest',
};

/** Namespaces that hold allowed types, and the roots every qualified type name starts from. */
const NAMESPACES: ReadonlySet<string> = (() => {
  const found = new Set<string>(['System', 'Microsoft', 'Newtonsoft']);
  for (const name of ALLOWED_TYPES) {
    const parts = name.split('.');
    for (let index = 1; index < parts.length; index++) found.add(parts.slice(0, index).join('.'));
  }
  return found;
})();

const ALLOWED: ReadonlySet<string> = new Set(ALLOWED_TYPES);

const VARIABLES_TYPE = 'IReadOnlyDictionary<string, object>';

/** Value types whose mismatches are certain (a boxed value unboxes only as its own type). */
const SIMPLE_TYPES: ReadonlySet<string> = new Set([
  'string',
  'bool',
  'int',
  'long',
  'short',
  'byte',
  'double',
  'float',
  'decimal',
  'char',
  'Guid',
  'DateTime',
  'TimeSpan',
  'JObject',
  'JArray',
]);

interface VariableSite {
  /** The type the policy stores, when known (a literal `value` is always a string). */
  readonly type: string | undefined;
}

interface DocumentFacts {
  readonly variables: ReadonlyMap<string, VariableSite[]>;
  /** Variables may come from elsewhere: `<base />`, fragments, or the document is a fragment itself. */
  readonly open: boolean;
  readonly elsewhere: VariablesElsewhere | undefined;
}

/** What the effective policy around a document sets, for a document that inherits (`<base />`) or includes fragments. */
export interface VariablesElsewhere {
  /**
   * Whether another document that runs on the same requests (a parent scope, a scope below, an included fragment)
   * sets the variable; undefined when some of them cannot be seen, so nothing is claimed.
   */
  isSet(name: string): boolean | undefined;
}

/**
 * The expression findings of one policy document (schema findings: checked against APIM's model, not its grammar).
 * `elsewhere` answers for variables the document itself does not set; without it, such reads are not reported.
 */
export function checkExpressions(document: XmlDocument, elsewhere?: VariablesElsewhere): Finding[] {
  const expressions = allExpressions(document);
  if (expressions.length === 0) return [];
  const typed = new Map<PolicyExpression, ExpressionTypes>();
  const typesOf = (expression: PolicyExpression): ExpressionTypes => {
    let types = typed.get(expression);
    if (!types) {
      types = expressionTypes(expression.csharp.syntax);
      typed.set(expression, types);
    }
    return types;
  };
  const facts = { ...documentFacts(document, typesOf), elsewhere };
  const reporter = new SchemaReporter();
  for (const expression of expressions) {
    if (expression.csharp.syntax.problem || expression.csharp.syntax.truncated || !expression.closed) continue;
    new ExpressionCheck(expression, typesOf(expression), facts, reporter).run();
  }
  return reporter.close().sort((a, b) => a.span.start - b.span.start);
}

function documentFacts(document: XmlDocument, typesOf: (expression: PolicyExpression) => ExpressionTypes): Omit<DocumentFacts, 'elsewhere'> {
  const variables = new Map<string, VariableSite[]>();
  let open = document.root?.name !== 'policies';
  const add = (name: string, site: VariableSite): void => {
    const sites = variables.get(name) ?? [];
    sites.push(site);
    variables.set(name, sites);
  };
  for (const element of allElements(document)) {
    if (element.name === 'base' || element.name === 'include-fragment') open = true;
    if (element.name === 'set-variable') {
      const name = attribute(element, 'name')?.value;
      if (name !== undefined) add(name, { type: setVariableType(element, typesOf) });
      continue;
    }
    // Other policies store results in variables: response-variable-name, output-token-variable-name, variable-name, ...
    for (const item of element.attributes) {
      if ((item.name === 'variable-name' || item.name.endsWith('-variable-name')) && item.value !== undefined) add(item.value, { type: undefined });
    }
  }
  return { variables, open };
}

function setVariableType(element: XmlElement, typesOf: (expression: PolicyExpression) => ExpressionTypes): string | undefined {
  const value = attribute(element, 'value');
  if (!value || value.value === undefined) return undefined;
  const expression = value.embedded.find((item): item is PolicyExpression => item.kind === 'expression');
  // The set-variable reference: a literal value is stored as System.String.
  if (!expression) return value.embedded.length === 0 ? 'string' : undefined;
  const root = expression.csharp.syntax.root;
  if (expression.csharp.syntax.problem || expression.csharp.syntax.truncated || root.kind === 'block') return undefined;
  return typesOf(expression).typeOf(root);
}

/** A plain string literal's text, or undefined (escapes, verbatim and interpolated strings are left alone). */
function stringValue(code: string, node: Expression): string | undefined {
  if (node.kind !== 'literal' || node.type !== 'string') return undefined;
  const text = code.slice(node.start, node.end);
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2 || text.includes('\\')) return undefined;
  return text.slice(1, -1);
}

function compatible(read: string, stored: string): boolean {
  if (read === stored || read === 'object' || read === `${stored}?`) return true;
  if (!SIMPLE_TYPES.has(read.replace(/\?$/, '')) || !SIMPLE_TYPES.has(stored)) return true;
  return false;
}

class ExpressionCheck {
  private readonly code: string;
  /** Variable names this expression tests with ContainsKey or TryGetValue before reading. */
  private readonly guarded = new Set<string>();
  private readonly initializerNames = new Set<Expression>();

  constructor(
    private readonly expression: PolicyExpression,
    private readonly types: ExpressionTypes,
    private readonly facts: DocumentFacts,
    private readonly reporter: SchemaReporter,
  ) {
    this.code = expression.csharp.source.code;
  }

  run(): void {
    const nodes = this.nodes();
    for (const node of nodes) this.noteGuards(node);
    for (const node of nodes) this.check(node);
  }

  /** Every node, iteratively, to the walk depth the types were computed to. */
  private nodes(): SyntaxNode[] {
    const found: SyntaxNode[] = [];
    const pending: { node: SyntaxNode; depth: number }[] = [{ node: this.expression.csharp.syntax.root, depth: 0 }];
    while (pending.length > 0) {
      const { node, depth } = pending.pop() as { node: SyntaxNode; depth: number };
      found.push(node);
      if (node.kind === 'initializer') {
        for (const item of node.items) if (item.kind === 'assignment' && item.left.kind === 'name') this.initializerNames.add(item.left);
      }
      if (depth < MAX_WALK_DEPTH) for (const child of childNodes(node)) pending.push({ node: child, depth: depth + 1 });
    }
    return found;
  }

  private report(code: ExpressionCheckCode, start: number, end: number, message: string): void {
    this.reporter.report(code, message, documentSpan(this.expression.csharp.source, start, end));
  }

  private noteGuards(node: SyntaxNode): void {
    if (node.kind !== 'call' || node.target.kind !== 'member') return;
    if (node.target.name !== 'ContainsKey' && node.target.name !== 'TryGetValue') return;
    const name = node.args[0] && stringValue(this.code, node.args[0].value);
    if (name !== undefined) this.guarded.add(name);
  }

  private check(node: SyntaxNode): void {
    switch (node.kind) {
      case 'member':
        this.checkMember(node);
        break;
      case 'name':
        this.checkName(node);
        break;
      case 'type':
        this.checkType(node);
        break;
      case 'call':
        this.checkVariableRead(node);
        break;
      case 'index':
        this.checkVariableIndex(node);
        break;
      default:
        break;
    }
  }

  private checkMember(node: Extract<Expression, { kind: 'member' }>): void {
    if (node.name === '') return;
    const owner = this.types.typeOf(node.target);
    if (owner !== undefined && !this.types.memberOf(node)) {
      if (owner === 'static XDocument' && node.name === 'Load') {
        this.report(
          'expression-type-not-allowed',
          node.nameStart,
          node.nameEnd,
          'XDocument.Load is not allowed in policy expressions (APIM allows every XDocument member except Load); use XDocument.Parse.',
        );
        return;
      }
      if (DOCUMENTED_TYPES.has(owner) && !OBJECT_MEMBERS.has(node.name)) {
        const members = EXPRESSION_TYPES[owner]?.members.map((member) => member.name) ?? [];
        const suggestions = nearestNames(node.name, members);
        if (suggestions.length > 0) {
          const path = dottedName(node.target);
          const receiver = path?.startsWith('context') ? `${path} (${displayType(owner)})` : displayType(owner);
          this.report(
            'expression-unknown-member',
            node.nameStart,
            node.nameEnd,
            `'${node.name}' is not a member of ${receiver}; did you mean '${suggestions.join("' or '")}'?`,
          );
        }
      }
      return;
    }
    // `System.IO.File`: a namespace followed by a name that is neither an allowed type nor a namespace of one.
    const target = dottedName(node.target);
    if (target === undefined || !NAMESPACES.has(target) || this.rootIsLocal(node.target)) return;
    const full = `${target}.${node.name}`;
    if (ALLOWED.has(full) || NAMESPACES.has(full)) return;
    this.report(
      'expression-type-not-allowed',
      node.start,
      node.nameEnd,
      `${full} is not allowed in policy expressions: APIM allows only the .NET types its policy expressions reference lists.`,
    );
  }

  private rootIsLocal(node: Expression): boolean {
    let current = node;
    while (current.kind === 'member') current = current.target;
    return this.types.isLocal(current);
  }

  private checkName(node: Extract<Expression, { kind: 'name' }>): void {
    const denied = DENIED_TYPES[node.name];
    if (!denied || this.types.isLocal(node) || this.initializerNames.has(node)) return;
    this.report('expression-type-not-allowed', node.start, node.end, `${node.name} (${denied}) is not allowed in policy expressions.`);
  }

  private checkType(node: TypeSyntax): void {
    const parts = node.parts;
    if (parts.length === 1) {
      const denied = DENIED_TYPES[parts[0].name];
      if (denied)
        this.report('expression-type-not-allowed', parts[0].start, parts[0].end, `${parts[0].name} (${denied}) is not allowed in policy expressions.`);
      return;
    }
    for (let index = 1; index < parts.length; index++) {
      const target = parts
        .slice(0, index)
        .map((part) => part.name)
        .join('.');
      if (!NAMESPACES.has(target)) return;
      const full = `${target}.${parts[index].name}`;
      if (ALLOWED.has(full)) return;
      if (NAMESPACES.has(full)) continue;
      this.report(
        'expression-type-not-allowed',
        parts[0].start,
        parts[index].end,
        `${full} is not allowed in policy expressions: APIM allows only the .NET types its policy expressions reference lists.`,
      );
      return;
    }
  }

  /** `context.Variables.GetValueOrDefault<T>("x")`. */
  private checkVariableRead(node: Extract<Expression, { kind: 'call' }>): void {
    const target = node.target;
    if (target.kind !== 'member' || target.name !== 'GetValueOrDefault' || target.typeArgs?.length !== 1) return;
    if (this.types.typeOf(target.target) !== VARIABLES_TYPE) return;
    const name = node.args[0] && stringValue(this.code, node.args[0].value);
    if (name === undefined) return;
    const sites = this.facts.variables.get(name);
    if (!sites || sites.length === 0 || sites.some((site) => site.type === undefined)) return;
    const read = typeName(target.typeArgs[0]);
    const stored = [...new Set(sites.map((site) => site.type as string))];
    if (stored.some((type) => compatible(read, type))) return;
    this.report(
      'expression-variable-type-mismatch',
      target.typeArgs[0].start,
      target.typeArgs[0].end,
      `GetValueOrDefault<${read}>("${name}") throws: every set-variable in this document stores a ${stored.join(' or ')} in '${name}'.`,
    );
  }

  /** `context.Variables["x"]` where nothing sets x: not the document, nor (when it inherits) the effective policy around it. */
  private checkVariableIndex(node: Extract<Expression, { kind: 'index' }>): void {
    if (node.args.length !== 1 || this.types.typeOf(node.target) !== VARIABLES_TYPE) return;
    const name = stringValue(this.code, node.args[0].value);
    if (name === undefined || this.guarded.has(name) || this.facts.variables.has(name)) return;
    // An inheriting document is reported only when every document around it is known and none sets the variable.
    if (this.facts.open && this.facts.elsewhere?.isSet(name) !== false) return;
    const where = this.facts.open
      ? 'this document, its parent scopes, the scopes below it and the fragments they include'
      : 'this document (it has no <base /> and includes no fragment)';
    this.report(
      'expression-variable-not-set',
      node.args[0].start,
      node.args[0].end,
      `No policy sets the variable '${name}' (looked in ${where}), and context.Variables["${name}"] throws when it is missing; set it first or use GetValueOrDefault.`,
    );
  }
}
