import { ForwardSearch } from './forwardSearch';

/** The forward searches one parse shares, so every value's look-ups together cost one pass over the text. */
export interface TextSearches {
  readonly ampersand: ForwardSearch;
  readonly namedValueOpen: ForwardSearch;
  readonly namedValueClose: ForwardSearch;
  readonly newline: ForwardSearch;
  readonly lessThan: ForwardSearch;
  readonly doubleQuote: ForwardSearch;
  readonly singleQuote: ForwardSearch;
}

export function textSearches(text: string): TextSearches {
  return {
    ampersand: new ForwardSearch(text, '&'),
    namedValueOpen: new ForwardSearch(text, '{{'),
    namedValueClose: new ForwardSearch(text, '}}'),
    newline: new ForwardSearch(text, '\n'),
    lessThan: new ForwardSearch(text, '<'),
    doubleQuote: new ForwardSearch(text, '"'),
    singleQuote: new ForwardSearch(text, "'"),
  };
}
