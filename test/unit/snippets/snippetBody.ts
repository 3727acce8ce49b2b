// Expands a VS Code snippet body the way the editor inserts it when every placeholder keeps its default:
// `$1`/`${1}` become empty, `${1:default}` its (expanded) default, `${1|a,b|}` the first choice.
// Anything else with a `$` (variables, malformed syntax) throws, so a stray `$` in a body is caught.

export interface ExpandedSnippet {
  readonly text: string;
  /** Tab stop numbers in order of appearance, 0 included. */
  readonly tabStops: readonly number[];
}

class SnippetReader {
  private index = 0;
  readonly tabStops: number[] = [];

  constructor(private readonly body: string) {}

  /** Reads until the end of the body, or until an unescaped `}` when inside a placeholder. */
  readText(insidePlaceholder: boolean): string {
    let text = '';
    while (this.index < this.body.length) {
      const char = this.body[this.index];
      if (char === '\\' && '$}\\'.includes(this.body[this.index + 1] ?? '')) {
        text += this.body[this.index + 1];
        this.index += 2;
      } else if (char === '$') {
        text += this.readDollar();
      } else if (char === '}' && insidePlaceholder) {
        return text;
      } else {
        text += char;
        this.index += 1;
      }
    }
    if (insidePlaceholder) throw new Error(`unclosed placeholder in ${JSON.stringify(this.body)}`);
    return text;
  }

  private readDollar(): string {
    const simple = /^\$(\d+)/.exec(this.body.slice(this.index));
    if (simple) {
      this.tabStops.push(Number(simple[1]));
      this.index += simple[0].length;
      return '';
    }
    const opening = /^\$\{(\d+)([:|}])/.exec(this.body.slice(this.index));
    if (!opening) throw new Error(`unsupported $ at ${this.index} in ${JSON.stringify(this.body)}`);
    this.tabStops.push(Number(opening[1]));
    this.index += opening[0].length;
    if (opening[2] === '}') return '';
    if (opening[2] === '|') return this.readChoice();
    const placeholder = this.readText(true);
    this.index += 1; // the closing brace
    return placeholder;
  }

  private readChoice(): string {
    const end = this.body.indexOf('|}', this.index);
    if (end < 0) throw new Error(`unclosed choice in ${JSON.stringify(this.body)}`);
    const options = this.body.slice(this.index, end).split(',');
    this.index = end + 2;
    return options[0];
  }
}

export function expandSnippet(body: string): ExpandedSnippet {
  const reader = new SnippetReader(body);
  const text = reader.readText(false);
  return { text, tabStops: reader.tabStops };
}
