import type { Span } from '../../text/span';
import type { DecodedText } from './bicepStringValue';
import type { BicepComment } from './bicepTokens';

/**
 * The tree the Bicep parser builds. Every node carries its exact source span. Nesting is capped by
 * the parser (MAX_BICEP_DEPTH), so walks over this tree may recurse. Missing pieces of half-typed
 * code are `undefined` (or an `error` node where an expression was expected), never thrown.
 */

export interface BicepIdentifier {
  readonly name: string;
  readonly span: Span;
}

/** A literal stretch of a string between delimiters and holes. */
export type BicepStringSegment = DecodedText;

/** `${expression}` inside a string. */
export interface BicepInterpolation {
  /** From `${` through `}`. */
  readonly span: Span;
  readonly expression: BicepExpression | undefined;
}

export interface BicepString {
  readonly kind: 'string';
  readonly span: Span;
  /** True for `'''...'''` (verbatim: no escapes, no interpolation). */
  readonly multiline: boolean;
  /** Between the opening and closing delimiters (for `'''`, after the skipped leading newline). */
  readonly contentSpan: Span;
  /** Literal text around the holes: always `interpolations.length + 1` segments. */
  readonly segments: readonly BicepStringSegment[];
  readonly interpolations: readonly BicepInterpolation[];
  /** The decoded value when the string has no interpolation. */
  readonly value: string | undefined;
  readonly closed: boolean;
}

export interface BicepNumber {
  readonly kind: 'number';
  readonly span: Span;
  readonly value: number;
}

export interface BicepBoolean {
  readonly kind: 'boolean';
  readonly span: Span;
  readonly value: boolean;
}

export interface BicepNull {
  readonly kind: 'null';
  readonly span: Span;
}

/** A reference to a parameter, variable, resource, module, loop variable or function namespace. */
export interface BicepReference {
  readonly kind: 'reference';
  readonly span: Span;
  readonly name: string;
}

export interface BicepObjectProperty {
  readonly kind: 'property';
  readonly span: Span;
  readonly decorators: readonly BicepDecorator[];
  /** The key's text (decoded when quoted); undefined for an interpolated key. */
  readonly key: string | undefined;
  readonly keySpan: Span;
  /** Set when the key is a quoted string. */
  readonly keyString: BicepString | undefined;
  readonly value: BicepExpression | undefined;
}

/** `...expression` inside an object or array. */
export interface BicepSpread {
  readonly kind: 'spread';
  readonly span: Span;
  readonly expression: BicepExpression | undefined;
}

export type BicepObjectMember = BicepObjectProperty | BicepSpread | BicepResourceDeclaration;

export interface BicepObject {
  readonly kind: 'object';
  readonly span: Span;
  readonly members: readonly BicepObjectMember[];
  readonly closed: boolean;
}

export interface BicepArray {
  readonly kind: 'array';
  readonly span: Span;
  readonly items: readonly (BicepExpression | BicepSpread)[];
  readonly closed: boolean;
}

/** `base.name`, `base.?name` (safe access) or `base::name` (nested resource access). */
export interface BicepPropertyAccess {
  readonly kind: 'property-access';
  readonly span: Span;
  readonly base: BicepExpression;
  readonly operator: '.' | '.?' | '::';
  readonly name: BicepIdentifier | undefined;
}

export interface BicepIndexAccess {
  readonly kind: 'index-access';
  readonly span: Span;
  readonly base: BicepExpression;
  /** True for `base[?index]`. */
  readonly safe: boolean;
  /** True for `base[^index]`: counted from the end. */
  readonly fromEnd: boolean;
  readonly index: BicepExpression | undefined;
  readonly closed: boolean;
}

/** `name(args)`, `namespace.name(args)` or `base.method(args)`. */
export interface BicepCall {
  readonly kind: 'call';
  readonly span: Span;
  /** The expression before `.name(`, e.g. `sys` in `sys.concat(...)` or a resource in `storage.listKeys()`. */
  readonly base: BicepExpression | undefined;
  readonly name: BicepIdentifier;
  readonly args: readonly BicepExpression[];
  readonly closed: boolean;
}

export type BicepBinaryOperator = '??' | '||' | '&&' | '==' | '!=' | '=~' | '!~' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BicepBinary {
  readonly kind: 'binary';
  readonly span: Span;
  readonly operator: BicepBinaryOperator;
  readonly operatorSpan: Span;
  readonly left: BicepExpression;
  readonly right: BicepExpression | undefined;
}

export interface BicepUnary {
  readonly kind: 'unary';
  readonly span: Span;
  readonly operator: '!' | '-' | '+';
  readonly operand: BicepExpression | undefined;
}

/** `expression!`: asserts a value is not null. */
export interface BicepNonNullAssertion {
  readonly kind: 'non-null';
  readonly span: Span;
  readonly expression: BicepExpression;
}

export interface BicepTernary {
  readonly kind: 'ternary';
  readonly span: Span;
  readonly condition: BicepExpression;
  readonly whenTrue: BicepExpression | undefined;
  readonly whenFalse: BicepExpression | undefined;
}

export interface BicepParenthesized {
  readonly kind: 'parenthesized';
  readonly span: Span;
  readonly expression: BicepExpression | undefined;
  readonly closed: boolean;
}

/** `x => body`, `(x, y) => body`, `() => body`. */
export interface BicepLambda {
  readonly kind: 'lambda';
  readonly span: Span;
  readonly parameters: readonly BicepIdentifier[];
  readonly body: BicepExpression | undefined;
}

/** `if (condition) body` as a resource or module body (or a filtered loop body). */
export interface BicepIf {
  readonly kind: 'if';
  readonly span: Span;
  readonly condition: BicepExpression | undefined;
  readonly body: BicepExpression | undefined;
}

/** `[for item in iterable: body]` or `[for (item, index) in iterable: body]`. */
export interface BicepFor {
  readonly kind: 'for';
  readonly span: Span;
  readonly item: BicepIdentifier | undefined;
  readonly index: BicepIdentifier | undefined;
  readonly iterable: BicepExpression | undefined;
  readonly body: BicepExpression | BicepIf | undefined;
  readonly closed: boolean;
}

/** Where an expression was expected but none was written; the span is where it would go. */
export interface BicepErrorExpression {
  readonly kind: 'error';
  readonly span: Span;
}

export type BicepExpression =
  | BicepString
  | BicepNumber
  | BicepBoolean
  | BicepNull
  | BicepReference
  | BicepObject
  | BicepArray
  | BicepPropertyAccess
  | BicepIndexAccess
  | BicepCall
  | BicepBinary
  | BicepUnary
  | BicepNonNullAssertion
  | BicepTernary
  | BicepParenthesized
  | BicepLambda
  | BicepFor
  | BicepIf
  | BicepErrorExpression;

// ---- types (param/output/type/func declarations) ----

/**
 * `string`, `int`, `object`, a user type name, or a dotted `sys.string` / `imported.myType` / `myType.property`,
 * kept whole: without the symbols of imported files a namespace and a property look alike.
 */
export interface BicepTypeReference {
  readonly kind: 'type-reference';
  readonly span: Span;
  readonly name: string;
}

/** A literal used as a type: `'Standard'`, `42`, `true`, `null`. */
export interface BicepTypeLiteral {
  readonly kind: 'type-literal';
  readonly span: Span;
  readonly literal: BicepString | BicepNumber | BicepBoolean | BicepNull;
}

export interface BicepTypeProperty {
  readonly span: Span;
  readonly decorators: readonly BicepDecorator[];
  /** The key text; `*` for the additional-properties entry. */
  readonly key: string | undefined;
  readonly keySpan: Span;
  readonly type: BicepType | undefined;
}

export interface BicepObjectType {
  readonly kind: 'type-object';
  readonly span: Span;
  readonly properties: readonly BicepTypeProperty[];
  readonly closed: boolean;
}

/** `[string, int]`. */
export interface BicepTupleType {
  readonly kind: 'type-tuple';
  readonly span: Span;
  readonly items: readonly BicepType[];
  readonly closed: boolean;
}

/** `element[]`. */
export interface BicepArrayType {
  readonly kind: 'type-array';
  readonly span: Span;
  readonly element: BicepType;
}

/** `type?`. */
export interface BicepNullableType {
  readonly kind: 'type-nullable';
  readonly span: Span;
  readonly type: BicepType;
}

/** `type!`: the type without null. */
export interface BicepNonNullableType {
  readonly kind: 'type-non-nullable';
  readonly span: Span;
  readonly type: BicepType;
}

/** `name<arguments>`, such as the resource-derived `resourceInput<'Microsoft.X/y@version'>`. */
export interface BicepParameterizedType {
  readonly kind: 'type-parameterized';
  readonly span: Span;
  readonly name: BicepIdentifier;
  readonly arguments: readonly BicepType[];
  readonly closed: boolean;
}

/** `base.property` or `base.*` (the additional-properties type) on a type that is not a plain name. */
export interface BicepTypePropertyAccess {
  readonly kind: 'type-property-access';
  readonly span: Span;
  readonly base: BicepType;
  /** `*` for `.*`. */
  readonly name: BicepIdentifier | undefined;
}

/** `base[0]` (a tuple item) or `base[*]` (the item type of an array). */
export interface BicepTypeIndexAccess {
  readonly kind: 'type-index-access';
  readonly span: Span;
  readonly base: BicepType;
  /** Undefined for `[*]` and for a missing index. */
  readonly index: BicepExpression | undefined;
  readonly wildcard: boolean;
  readonly closed: boolean;
}

/** `'a' | 'b'` (a leading `|` is allowed, so members can start each line). */
export interface BicepUnionType {
  readonly kind: 'type-union';
  readonly span: Span;
  readonly members: readonly BicepType[];
}

/** `resource 'Type@version'` or `resource<'Type@version'>`. */
export interface BicepResourceType {
  readonly kind: 'type-resource';
  readonly span: Span;
  readonly typeString: BicepString | undefined;
}

export interface BicepParenthesizedType {
  readonly kind: 'type-parenthesized';
  readonly span: Span;
  readonly type: BicepType | undefined;
  readonly closed: boolean;
}

export interface BicepErrorType {
  readonly kind: 'type-error';
  readonly span: Span;
}

export type BicepType =
  | BicepTypeReference
  | BicepTypeLiteral
  | BicepObjectType
  | BicepTupleType
  | BicepArrayType
  | BicepNullableType
  | BicepNonNullableType
  | BicepParameterizedType
  | BicepTypePropertyAccess
  | BicepTypeIndexAccess
  | BicepUnionType
  | BicepResourceType
  | BicepParenthesizedType
  | BicepErrorType;

// ---- declarations ----

/** `@name(args)` or `@namespace.name(args)`. */
export interface BicepDecorator {
  readonly span: Span;
  /** The call (or, when the parentheses are missing, the bare reference) after `@`. */
  readonly expression: BicepExpression;
}

interface DeclarationBase {
  readonly span: Span;
  readonly decorators: readonly BicepDecorator[];
  readonly keywordSpan: Span;
}

export interface BicepTargetScopeDeclaration extends DeclarationBase {
  readonly kind: 'targetScope';
  readonly value: BicepExpression | undefined;
}

export interface BicepMetadataDeclaration extends DeclarationBase {
  readonly kind: 'metadata';
  readonly name: BicepIdentifier | undefined;
  readonly value: BicepExpression | undefined;
}

export interface BicepParamDeclaration extends DeclarationBase {
  readonly kind: 'param';
  readonly name: BicepIdentifier | undefined;
  readonly type: BicepType | undefined;
  readonly defaultValue: BicepExpression | undefined;
}

export interface BicepVarDeclaration extends DeclarationBase {
  readonly kind: 'var';
  readonly name: BicepIdentifier | undefined;
  /** Optional declared type (`var x string = ...`). */
  readonly type: BicepType | undefined;
  readonly value: BicepExpression | undefined;
}

export interface BicepResourceDeclaration extends DeclarationBase {
  readonly kind: 'resource';
  readonly name: BicepIdentifier | undefined;
  /** `'Microsoft.X/y@version'`, or a type relative to the enclosing resource for nested declarations. */
  readonly typeString: BicepString | undefined;
  readonly existing: boolean;
  readonly existingSpan: Span | undefined;
  /** An object, `if (...) {...}` or `[for ...: {...}]`. */
  readonly value: BicepExpression | undefined;
}

export interface BicepModuleDeclaration extends DeclarationBase {
  readonly kind: 'module';
  readonly name: BicepIdentifier | undefined;
  readonly path: BicepString | undefined;
  readonly value: BicepExpression | undefined;
}

/** `test name 'file.bicep' = {...}` (experimental test framework); parsed so it does not break the file. */
export interface BicepTestDeclaration extends DeclarationBase {
  readonly kind: 'test';
  readonly name: BicepIdentifier | undefined;
  readonly path: BicepString | undefined;
  readonly value: BicepExpression | undefined;
}

export interface BicepOutputDeclaration extends DeclarationBase {
  readonly kind: 'output';
  readonly name: BicepIdentifier | undefined;
  readonly type: BicepType | undefined;
  readonly value: BicepExpression | undefined;
}

export interface BicepTypeDeclaration extends DeclarationBase {
  readonly kind: 'type';
  readonly name: BicepIdentifier | undefined;
  readonly value: BicepType | undefined;
}

export interface BicepFunctionParameter {
  readonly span: Span;
  readonly name: BicepIdentifier;
  readonly type: BicepType | undefined;
}

export interface BicepFunctionDeclaration extends DeclarationBase {
  readonly kind: 'func';
  readonly name: BicepIdentifier | undefined;
  readonly parameters: readonly BicepFunctionParameter[];
  readonly returnType: BicepType | undefined;
  readonly body: BicepExpression | undefined;
}

export interface BicepImportedSymbol {
  readonly span: Span;
  readonly name: BicepIdentifier;
  readonly alias: BicepIdentifier | undefined;
}

/**
 * `import {a, b as c} from 'file.bicep'`, `import * as ns from 'file.bicep'`, and the older
 * `import 'az@1.0.0'`; also `extension` and `provider` declarations and, in parameters files,
 * `extensionConfig alias with {...}` (`keyword` tells which).
 */
export interface BicepImportDeclaration extends DeclarationBase {
  readonly kind: 'import';
  readonly keyword: 'import' | 'extension' | 'provider' | 'extensionConfig';
  readonly symbols: readonly BicepImportedSymbol[];
  /** `* as alias` imports. */
  readonly wildcardAlias: BicepIdentifier | undefined;
  /** The `from` path (or the specification string of a provider/extension). */
  readonly source: BicepString | undefined;
}

/** `assert name = condition` (experimental in Bicep); parsed so it does not break the file. */
export interface BicepAssertDeclaration extends DeclarationBase {
  readonly kind: 'assert';
  readonly name: BicepIdentifier | undefined;
  readonly value: BicepExpression | undefined;
}

/**
 * Parameters files (`.bicepparam`) only: `using 'main.bicep'` (optionally `with {...}`), `using none`,
 * or `extends 'base.bicepparam'`.
 */
export interface BicepUsingDeclaration extends DeclarationBase {
  readonly kind: 'using';
  readonly keyword: 'using' | 'extends';
  /** The template (or, for `extends`, base parameters file) named; undefined for `using none`. */
  readonly path: BicepString | undefined;
  readonly none: boolean;
  /** The `with {...}` object. */
  readonly config: BicepExpression | undefined;
}

export type BicepDeclaration =
  | BicepTargetScopeDeclaration
  | BicepMetadataDeclaration
  | BicepParamDeclaration
  | BicepVarDeclaration
  | BicepResourceDeclaration
  | BicepModuleDeclaration
  | BicepOutputDeclaration
  | BicepTypeDeclaration
  | BicepFunctionDeclaration
  | BicepImportDeclaration
  | BicepAssertDeclaration
  | BicepTestDeclaration
  | BicepUsingDeclaration;

/** A Bicep template (`.bicep`) or a parameters file (`.bicepparam`), which has its own declarations. */
export type BicepFileKind = 'template' | 'parameters';

export interface BicepFile {
  readonly kind: 'file';
  readonly fileKind: BicepFileKind;
  readonly span: Span;
  readonly declarations: readonly BicepDeclaration[];
  readonly comments: readonly BicepComment[];
}
