import type { PolicySection, ScopeName } from '../policy/policyVocabulary';
/**
 * The shape of the policy catalog: every APIM policy element with where it may appear, what it
 * accepts and a short explanation. The data lives in `policies/*.ts`; lookups in `catalog.ts`.
 */

/** The kinds of APIM gateway, which support different sets of policies. */
export type GatewayType = 'classic' | 'v2' | 'consumption' | 'self-hosted' | 'workspace';

/** The grouping of the docs' policy index, plus the structural elements of a document. */
export type PolicyCategory =
  | 'Rate limiting and quotas'
  | 'Authentication and authorization'
  | 'Content validation'
  | 'Routing'
  | 'Caching'
  | 'Transformation'
  | 'Cross-domain'
  | 'Integration and external communication'
  | 'Logging'
  | 'GraphQL resolvers'
  | 'Policy control and flow'
  | 'Structure';

/**
 * What a literal attribute value must look like. Expressions (`@(...)`, `@{...}`) and `{{named values}}`
 * are never checked against the kind, since their value is only known at runtime.
 */
export type AttributeValueKind =
  /** Any text. */
  | 'string'
  /** One of `values` (compared case-insensitively, as APIM parses enums and booleans). */
  | 'enum'
  /** `true` or `false`. */
  | 'boolean'
  /** A whole number, such as a count, a size in bytes or a status code. */
  | 'integer'
  /** A whole number of seconds. */
  | 'seconds'
  /** A whole number of milliseconds. */
  | 'milliseconds'
  /** A decimal number, such as a similarity threshold or a metric value. */
  | 'number'
  /** An ISO 8601 date and time. */
  | 'date-time';

export interface AttributeDefinition {
  readonly name: string;
  readonly required: boolean;
  readonly kind: AttributeValueKind;
  /** The accepted values, for `enum` and `boolean` kinds. */
  readonly values?: readonly string[];
  /** The value APIM uses when the attribute is omitted, as the docs state it. */
  readonly default?: string;
  /** Whether a policy expression may supply the value. */
  readonly expressions: boolean;
}

/** What an element holds besides the child elements its definition lists. */
export type ElementContent =
  /** Nothing: attributes only. */
  | 'empty'
  /** Only the child elements listed in `elements`. */
  | 'elements'
  /** A text value (literal, expression or template); any markup inside it is payload, not policy. */
  | 'text'
  /** Policy statements allowed in the enclosing section (containers such as `retry`, sections, fragments). */
  | 'policies'
  /** Foreign XML that APIM passes through, such as an XSLT stylesheet; not validated. */
  | 'markup';

/** A rule over a group of attributes or child elements, such as "base-url or backend-id". */
export interface OneOfGroup {
  /** `exactly-one`: one and only one; `at-least-one`: one or more; `at-most-one`: never two together. */
  readonly kind: 'exactly-one' | 'at-least-one' | 'at-most-one';
  readonly attributes?: readonly string[];
  readonly elements?: readonly string[];
  /** The rule does not apply when this attribute has this literal value (for example `mode="copy"`). */
  readonly unless?: { readonly attribute: string; readonly value: string };
}

/** The attributes, children and content rules shared by policies and their child elements. */
export interface ElementShape {
  readonly attributes: readonly AttributeDefinition[];
  /** Child elements in the order the docs show them. */
  readonly elements: readonly ChildElementDefinition[];
  readonly content: ElementContent;
  readonly oneOf?: readonly OneOfGroup[];
  /** The docs ask for the child elements in the listed order. */
  readonly ordered?: boolean;
}

export interface ChildElementDefinition extends ElementShape {
  readonly name: string;
  readonly required: boolean;
  readonly multiple: boolean;
  /**
   * The child is itself a policy (for example `set-header` inside `send-request`): its attributes and
   * children come from that policy's definition, and `attributes`/`elements` here stay empty.
   */
  readonly isPolicy?: boolean;
}

/** How often a policy may appear. */
export type Cardinality = 'repeatable' | 'once-per-section' | 'once-per-document';

/** Where a GraphQL resolver policy lives instead of a section. */
export type ResolverContext = 'graphql-resolver' | 'graphql-resolver-response';

export interface PolicyDefinition extends ElementShape {
  readonly name: string;
  readonly category: PolicyCategory;
  /** `structural` for the document skeleton (`policies`, sections, `base`, `fragment`). */
  readonly kind: 'policy' | 'structural';
  /** Sections the policy may be placed in; empty for structural elements and resolver policies. */
  readonly sections: readonly PolicySection[];
  /** For GraphQL resolver policies, which live outside sections. */
  readonly context?: ResolverContext;
  readonly scopes: readonly ScopeName[];
  readonly gateways: readonly GatewayType[];
  readonly cardinality: Cardinality;
  readonly preview?: boolean;
  /** Two lines in our words: what it does, then the main thing to know. */
  readonly summary: readonly [string, string];
  readonly docUrl: string;
}
