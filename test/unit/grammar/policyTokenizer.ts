// Tokenizes text with the extension's TextMate grammar in plain Node, the way VS Code does
// (vscode-textmate + the oniguruma wasm shipped in vscode-oniguruma).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IRawGrammar, type StateStack } from 'vscode-textmate';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';
import { REPO_ROOT } from '../../support/paths';

export const POLICY_SCOPE = 'text.xml.apim-policy';
export const GRAMMAR_PATH = join(REPO_ROOT, 'syntaxes', 'apim-policy.tmLanguage.json');

/** VS Code's standard token types, which drive bracket matching and auto-closing (`notIn: ["string"]`). */
export enum StandardTokenType {
  Other = 0,
  Comment = 1,
  String = 2,
  RegEx = 3,
}

/** Language ids handed to vscode-textmate: the policy language and the languages package.json embeds. */
export const POLICY_LANGUAGE_ID = 1;
export const CSHARP_LANGUAGE_ID = 2;

export interface PolicyToken {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly scopes: readonly string[];
  readonly languageId: number;
  readonly standardType: StandardTokenType;
}

export interface Tokenization {
  readonly tokens: readonly PolicyToken[];
  /** Rule stack depth after the last line: 1 means every region the text opened was closed. */
  readonly finalDepth: number;
}

let onigReady: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  onigReady ??= loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  return onigReady;
}

/** The real C# grammar from the tm-grammars package, or undefined when that package is not installed. */
export function csharpGrammarPath(): string | undefined {
  try {
    return require.resolve('tm-grammars/grammars/csharp.json');
  } catch {
    return undefined;
  }
}

interface GrammarContribution {
  readonly scopeName: string;
  readonly path: string;
  readonly embeddedLanguages?: Record<string, string>;
}

/** The grammar contribution in package.json, so tests exercise the mapping VS Code will use. */
export function grammarContribution(): GrammarContribution {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { grammars: GrammarContribution[] };
  };
  const found = manifest.contributes.grammars.find((grammar) => grammar.scopeName === POLICY_SCOPE);
  if (found === undefined) throw new Error(`package.json contributes no grammar ${POLICY_SCOPE}`);
  return found;
}

function embeddedLanguageIds(): Record<string, number> {
  const ids: Record<string, number> = {};
  for (const [scope, language] of Object.entries(grammarContribution().embeddedLanguages ?? {})) {
    if (language !== 'csharp') throw new Error(`unexpected embedded language ${language}`);
    ids[scope] = CSHARP_LANGUAGE_ID;
  }
  return ids;
}

function readGrammar(path: string): IRawGrammar {
  return parseRawGrammar(readFileSync(path, 'utf8'), path);
}

/** Loads the policy grammar, with `source.cs` resolved to the real C# grammar when `withCsharp` is set. */
export async function loadPolicyGrammar(withCsharp: boolean): Promise<IGrammar> {
  await loadOniguruma();
  const csharpPath = withCsharp ? csharpGrammarPath() : undefined;
  if (withCsharp && csharpPath === undefined) throw new Error('tm-grammars is not installed');
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
      createOnigString: (text: string) => new OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === POLICY_SCOPE) return readGrammar(GRAMMAR_PATH);
      if (scopeName === 'source.cs' && csharpPath !== undefined) return readGrammar(csharpPath);
      return null;
    },
  });
  const grammar = await registry.loadGrammarWithConfiguration(POLICY_SCOPE, POLICY_LANGUAGE_ID, {
    embeddedLanguages: embeddedLanguageIds(),
  });
  if (grammar === null) throw new Error(`grammar ${POLICY_SCOPE} did not load`);
  return grammar;
}

export function tokenize(grammar: IGrammar, text: string): Tokenization {
  const tokens: PolicyToken[] = [];
  let state: StateStack = INITIAL;
  text.split(/\r\n|\r|\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    const encoded = grammar.tokenizeLine2(lineText, state).tokens;
    for (const token of result.tokens) {
      const end = Math.min(token.endIndex, lineText.length);
      const attributes = encodedAttributesAt(encoded, token.startIndex);
      tokens.push({
        line,
        start: token.startIndex,
        end,
        text: lineText.slice(token.startIndex, end),
        scopes: token.scopes,
        // Bit layout of vscode-textmate's EncodedTokenAttributes: language id in bits 0-7, token type in 8-9.
        languageId: attributes & 0xff,
        standardType: ((attributes >>> 8) & 0b11) as StandardTokenType,
      });
    }
    state = result.ruleStack;
  });
  return { tokens, finalDepth: state.depth };
}

/** tokenizeLine2 returns pairs [startIndex, attributes]; the pair covering `offset` is the last one starting at or before it. */
function encodedAttributesAt(encoded: Uint32Array, offset: number): number {
  let attributes = 0;
  for (let index = 0; index < encoded.length; index += 2) {
    if (encoded[index] > offset) break;
    attributes = encoded[index + 1];
  }
  return attributes;
}

/**
 * The token at the `occurrence`-th appearance (0-based) of `needle` in `text`, offset by `offsetInNeedle`
 * characters into it. Fails loudly when the needle is missing, so a typo in a test cannot pass silently.
 */
export function tokenAt(tokenization: Tokenization, text: string, needle: string, occurrence = 0, offsetInNeedle = 0): PolicyToken {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  const before = text.slice(0, index + offsetInNeedle).split(/\r\n|\r|\n/);
  const line = before.length - 1;
  const column = before[line].length;
  const token = tokenization.tokens.find((candidate) => candidate.line === line && candidate.start <= column && column < candidate.end);
  if (token === undefined) throw new Error(`no token at ${line}:${column}`);
  return token;
}
