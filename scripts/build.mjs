// Bundles the extension client, the language server and the CLI with esbuild, and compiles
// the TypeScript tests to CommonJS under out/test (one file each, dependencies left external).
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
// `npm run review` and `npm run bench` need only the bundles, not the compiled tests.
const bundlesOnly = production || args.has('--bundles-only');
const watch = args.has('--watch');
const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  // jsonc-parser's UMD main build requires its files dynamically, which a bundle cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  define: { APIM_STUDIO_VERSION: JSON.stringify(version) },
};

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

/** Test sources: everything under test/ plus the `*.test.ts` files that sit beside the code they test. */
function testEntryPoints() {
  const found = [];
  const walk = (dir, include) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'fixtures' && name !== 'node_modules') walk(path, include);
      } else if (include(name)) {
        found.push(relative(root, path));
      }
    }
  };
  walk(join(root, 'test'), (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
  walk(join(root, 'server', 'src'), (name) => name.endsWith('.test.ts'));
  return found;
}

const testBuild = {
  ...shared,
  sourcemap: 'inline',
  minify: false,
  entryPoints: testEntryPoints(),
  outdir: 'out',
  outbase: '.',
  packages: 'external',
};

if (!watch) {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  if (!bundlesOnly) rmSync(join(root, 'out'), { recursive: true, force: true });
}
const configs = [...bundles.map((bundle) => ({ ...shared, ...bundle })), ...(bundlesOnly ? [] : [testBuild])];
if (watch) {
  for (const config of configs) {
    const context = await esbuild.context(config);
    await context.watch();
  }
  console.log('[watch] build started');
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
}
