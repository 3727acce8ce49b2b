/** How text is written inside one kind of string literal of a template language. */
export interface HostStringStyle {
  /** Names the style, for logs and tests. */
  readonly id: string;
  /** The value as written inside the literal; undefined when it cannot be written there. */
  escape(value: string): string | undefined;
  /** True when the literal holds the value's lines as they are (a heredoc, a Bicep `'''` string): a line can be added inside. */
  readonly rawLines?: boolean;
}

/**
 * What differs between template languages when the engine reads or writes them. A new template language is
 * a reader (text -> TemplateModel), a dialect, and a document kind.
 */
export interface TemplateDialect {
  readonly id: string;
  /** A string literal holding the value. */
  stringLiteral(value: string): string;
  /** A property (object member or attribute) with its value already rendered. */
  propertyText(key: string, renderedValue: string): string;
  /** Written after each member but the last of a multi-line object or array: `,` in JSON, nothing in Bicep. */
  readonly memberSeparator: string;
  /** True when arrays are written on one line (`[a, b]`); false for one item per line. */
  readonly inlineArrays: boolean;
  /** Markers that start a line comment, where suppression directives are read. */
  readonly lineCommentMarkers: readonly string[];
  /** The style of the string literal whose decoded text starts at `valueStart` in `text`. */
  stringStyleAt(text: string, valueStart: number): HostStringStyle;
  /** True when a value's source text loads a file (Bicep `loadTextContent(...)`): the content lives in that file. */
  loadsFile(valueSource: string): boolean;
}
