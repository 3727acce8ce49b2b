// Layering rules of the engine, checked by `npm run lint` (dependency-cruiser). Data flows one way:
// documents -> parsers -> service model -> rules -> findings -> LSP, CLI or report.
//
// ENGINE_LAYERS lists server/src/engine's folders from the bottom up: a folder may import its own files and
// the folders below it, never one above. That also rules out cycles between folders.
const ENGINE_LAYERS = [
  'collections',
  'text',
  'findings',
  'files',
  'policy',
  'catalog',
  'schema',
  'expressions',
  'templates',
  'workspace',
  'rules',
  'config',
  'language',
  'documents',
  'analysis',
  'review',
  'report',
];

const engine = (folder) => `^server/src/engine/${folder}/`;

const layerRules = ENGINE_LAYERS.slice(0, -1).map((folder, index) => ({
  name: `layer-${folder}`,
  comment: `engine/${folder} sits below ${ENGINE_LAYERS.slice(index + 1).join(', ')}: it must not import them.`,
  severity: 'error',
  from: { path: engine(folder), pathNot: '\\.test\\.ts$' },
  to: { path: `^server/src/engine/(${ENGINE_LAYERS.slice(index + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'Modules must not depend on themselves through others.',
      severity: 'error',
      from: { path: '^(server|client)/src/' },
      to: { circular: true },
    },
    {
      name: 'engine-is-editor-free',
      comment: 'The engine imports nothing from VS Code, the LSP libraries, or the server and client around it.',
      severity: 'error',
      from: { path: '^server/src/engine/' },
      to: { path: '(^node_modules/(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)|^server/src/(lsp|cli|protocol)/|^client/)' },
    },
    {
      name: 'engine-folders-are-known',
      comment: 'Every engine folder has a place in ENGINE_LAYERS (.dependency-cruiser.cjs).',
      severity: 'error',
      from: { path: '^server/src/engine/', pathNot: `^server/src/engine/(${ENGINE_LAYERS.join('|')})/` },
      to: {},
    },
    {
      name: 'product-code-does-not-import-tests',
      comment: 'Only tests import test helpers (test/, server/src/testing/).',
      severity: 'error',
      from: { path: '^(server|client)/src/', pathNot: '(\\.test\\.ts$|^server/src/testing/)' },
      to: { path: '(^test/|^server/src/testing/)' },
    },
    {
      name: 'client-imports-only-selectors',
      comment: 'The client bundle stays small: from the server it imports only the protocol and the editor selectors.',
      severity: 'error',
      from: { path: '^client/src/' },
      to: { path: '^server/src/', pathNot: '^server/src/(protocol/|engine/documents/editorSelectors\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(out|dist)/' },
  },
};
