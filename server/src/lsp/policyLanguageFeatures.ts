import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  MarkupKind,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  type CompletionItem,
  type Connection,
  type Hover,
  type Location,
  type Range,
  type SemanticTokens,
  type SignatureHelp,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnalysisContext } from '../engine/analysis/analysisContext';
import { documentScopeOf } from '../engine/workspace/policyWorkspace';
import { isPolicyDocument } from '../engine/documents/policyDocumentKind';
import { definitionTarget } from '../engine/language/definitionTarget';
import { expressionAt } from '../engine/language/expressionAtOffset';
import { expressionSignature } from '../engine/language/expressionSignature';
import { expressionTokens } from '../engine/language/expressionTokens';
import { templateExpressionTokens } from '../engine/language/templateExpressionTokens';
import { formatPolicy } from '../engine/language/formatPolicy';
import type { CompletionKind, LanguageCompletion } from '../engine/language/languageCompletion';
import type { LanguageEnvironment } from '../engine/language/languageEnvironment';
import { policyCompletions } from '../engine/language/policyCompletions';
import { policyHover } from '../engine/language/policyHover';
import { hoverWithFindings, ruleFindingsAt, spanOfFindings } from '../engine/language/findingsHover';
import type { Finding } from '../engine/findings/finding';
import { NO_REFERENCES, workspaceReferencesOf } from '../engine/language/workspaceReferences';
import { embeddedPolicyAt } from '../engine/language/embeddedPolicyAt';
import { snippetAsPlainText } from '../engine/language/snippetText';
import { parsePolicy } from '../engine/policy/policyParser';
import type { DocumentInput } from '../engine/documents/documentKind';
import { policyTree } from './policyFeatures';
import { encodeSemanticTokens } from './semanticTokens';
import { toRange } from './toLsp';

/** The characters that open a completion session by themselves (advertised in the server capabilities). */
export const COMPLETION_TRIGGER_CHARACTERS = ['<', ' ', '"', '{', '.', '@'];

/** The characters that open or move signature help inside policy expression calls. */
export const SIGNATURE_TRIGGER_CHARACTERS = ['(', ','];

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  element: CompletionItemKind.Class,
  attribute: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  'named-value': CompletionItemKind.Constant,
  fragment: CompletionItemKind.Module,
  backend: CompletionItemKind.Reference,
  variable: CompletionItemKind.Variable,
  property: CompletionItemKind.Property,
  method: CompletionItemKind.Method,
  type: CompletionItemKind.Class,
  namespace: CompletionItemKind.Module,
  snippet: CompletionItemKind.Snippet,
};

function pathOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

function inputOf(document: TextDocument): DocumentInput {
  return { path: pathOf(document.uri), languageId: document.languageId, text: document.getText() };
}

function toCompletionItem(document: TextDocument, completion: LanguageCompletion): CompletionItem {
  return {
    label: completion.label,
    kind: COMPLETION_KINDS[completion.kind],
    ...(completion.detail !== undefined ? { detail: completion.detail } : {}),
    ...(completion.documentation !== undefined ? { documentation: { kind: MarkupKind.Markdown, value: completion.documentation } } : {}),
    ...(completion.sortText !== undefined ? { sortText: completion.sortText } : {}),
    insertTextFormat: completion.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: toRange(document, completion.replace), newText: completion.insertText },
  };
}

/** Completion, hover, go-to-definition and formatting for policy documents (and policies embedded in templates). */
export function registerPolicyLanguageFeatures(
  connection: Connection,
  /** The open document by URI, or undefined when it is not open or above the size limit. */
  documentFor: (uri: string) => TextDocument | undefined,
  analysisContext: () => AnalysisContext,
  /** The findings published for the document's current version. */
  findingsOf: (document: TextDocument) => readonly Finding[],
): void {
  const environmentFor = (document: TextDocument): LanguageEnvironment => {
    const context = analysisContext();
    const path = pathOf(document.uri);
    const workspace = context.workspaceFor(path);
    const relativePath = workspace?.relativePathOf(path);
    const inWorkspace = workspace !== undefined && relativePath !== undefined;
    return {
      scope: inWorkspace ? documentScopeOf(workspace.scopeOf(relativePath)) : undefined,
      gateway: context.configFor(path).config.gateway,
      references: inWorkspace ? workspaceReferencesOf(workspace, relativePath) : NO_REFERENCES,
    };
  };

  connection.onCompletion((params): CompletionItem[] => {
    const document = documentFor(params.textDocument.uri);
    if (!document) return [];
    const trigger = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
    const tree = policyTree(document, analysisContext().settings.maxDocumentSize);
    if (tree) {
      const completions = policyCompletions(tree, document.offsetAt(params.position), environmentFor(document), trigger);
      return completions.map((completion) => toCompletionItem(document, completion));
    }
    // A policy inside an ARM or Bicep string: the same completions, mapped into the string and escaped for it.
    const embedded = embeddedPolicyAt(inputOf(document), document.offsetAt(params.position));
    if (!embedded) return [];
    const completions = policyCompletions(
      parsePolicy(embedded.text).document,
      embedded.offset,
      { ...environmentFor(document), scope: embedded.scope },
      trigger,
    );
    return completions.flatMap((completion) => {
      const insertText = embedded.toHostText(completion.snippet ? snippetAsPlainText(completion.insertText) : completion.insertText);
      if (insertText === undefined) return [];
      return [toCompletionItem(document, { ...completion, snippet: false, insertText, replace: embedded.toSource(completion.replace) })];
    });
  });

  connection.onHover((params): Hover | null => {
    const document = documentFor(params.textDocument.uri);
    if (!document) return null;
    const offset = document.offsetAt(params.position);
    const tree = policyTree(document, analysisContext().settings.maxDocumentSize);
    const embedded = tree ? undefined : embeddedPolicyAt(inputOf(document), offset);
    const hover = tree
      ? policyHover(tree, offset, environmentFor(document))
      : embedded && policyHover(parsePolicy(embedded.text).document, embedded.offset, { ...environmentFor(document), scope: embedded.scope });
    const hoverSpan = hover && embedded ? embedded.toSource(hover.span) : hover?.span;
    // Template findings are already on template offsets.
    const findings = tree || embedded ? ruleFindingsAt(findingsOf(document), offset) : [];
    const markdown = hoverWithFindings(hover?.markdown, findings);
    const span = hoverSpan ?? spanOfFindings(findings);
    if (markdown === undefined || span === undefined) return null;
    return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(document, span) };
  });

  connection.onSignatureHelp((params): SignatureHelp | null => {
    const document = documentFor(params.textDocument.uri);
    const tree = document && policyTree(document, analysisContext().settings.maxDocumentSize);
    if (!document || !tree) return null;
    const offset = document.offsetAt(params.position);
    const expression = expressionAt(tree, offset);
    const signature = expression && expressionSignature(expression, offset);
    if (!signature) return null;
    return {
      signatures: [
        {
          label: signature.label,
          documentation: { kind: MarkupKind.Markdown, value: signature.documentation },
          parameters: signature.parameters.map((label) => ({ label })),
        },
      ],
      activeSignature: 0,
      activeParameter: signature.activeParameter,
    };
  });

  // Policy documents and ARM templates' embedded policies; null for the rest (Bicep keeps its own extension's colouring).
  const semanticTokens = (uri: string, range?: Range): SemanticTokens | null => {
    const document = documentFor(uri);
    if (!document) return null;
    const tree = policyTree(document, analysisContext().settings.maxDocumentSize);
    const tokens = tree ? expressionTokens(tree) : templateExpressionTokens(inputOf(document));
    return tokens ? encodeSemanticTokens(document, tokens, range) : null;
  };
  connection.onRequest(SemanticTokensRequest.type, (params) => semanticTokens(params.textDocument.uri));
  connection.onRequest(SemanticTokensRangeRequest.type, (params) => semanticTokens(params.textDocument.uri, params.range));

  connection.onDefinition((params): Location[] => {
    const document = documentFor(params.textDocument.uri);
    const tree = document && policyTree(document, analysisContext().settings.maxDocumentSize);
    const target = document && tree ? definitionTarget(tree, document.offsetAt(params.position), environmentFor(document)) : undefined;
    if (!target) return [];
    return [{ uri: pathToFileURL(target.path).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  });

  connection.onDocumentFormatting((params): TextEdit[] => {
    const document = documentFor(params.textDocument.uri);
    if (!document) return [];
    const text = document.getText();
    if (text.length > analysisContext().settings.maxDocumentSize) return [];
    if (!isPolicyDocument({ path: document.uri, languageId: document.languageId, text })) return [];
    return formatPolicy(text, params.options).map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText }));
  });
}
