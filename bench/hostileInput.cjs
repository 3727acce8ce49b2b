// One hostile-input case of the benchmark (issue 19), run in its own process so its peak RSS is its own:
//
//   node bench/hostileInput.cjs <engine.cjs> <case> <size>
//
// Prints one JSON line: CPU and wall milliseconds of the analysis (or review), peak RSS, findings by code.
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const [enginePath, name, sizeText] = process.argv.slice(2);
const size = Number(sizeText);
const engine = require(enginePath);
const unlimited = engine.createAnalysisContext({ ...engine.DEFAULT_ANALYSIS_SETTINGS, maxDocumentSize: Number.MAX_SAFE_INTEGER });

/** One Bicep file with `count` APIM resources (a service, then APIs under it), as a hostile repository could hold. */
function bicepResources(count) {
  const lines = [
    "param apimName string = 'apim'",
    "resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {",
    '  name: apimName',
    "  location: 'westeurope'",
    "  sku: { name: 'Premium', capacity: 1 }",
    "  properties: { publisherEmail: 'api@example.com', publisherName: 'Bench' }",
    '}',
  ];
  for (let index = 1; index < count; index++) {
    lines.push(
      `resource a${index} 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = {`,
      '  parent: apim',
      `  name: 'a${index}'`,
      `  properties: { path: 'p${index}' }`,
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}

const CASES = {
  'unknown-attributes': () => {
    const attributes = Array.from({ length: size }, (_, index) => ` a${index}="x"`).join('');
    const text = `<policies><inbound><set-header name="x" exists-action="override"${attributes} /></inbound></policies>`;
    return () => engine.analyseDocument({ path: '/bench/attributes/policy.xml', text }, unlimited).findings;
  },
  'repeated-base': () => {
    const text = `<policies><inbound>${'<base />'.repeat(size)}</inbound></policies>`;
    return () => engine.analyseDocument({ path: '/bench/bases/policy.xml', text }, unlimited).findings;
  },
  'bicep-unclosed-holes': () => {
    const text = `var a = '${'${'.repeat(size)}`;
    return () => engine.analyseDocument({ path: '/bench/holes/main.bicep', text }, unlimited).findings;
  },
  'bicep-resources': () => {
    const folder = mkdtempSync(join(tmpdir(), 'apim-bench-bicep-'));
    writeFileSync(join(folder, 'main.bicep'), bicepResources(size));
    process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
    return () => engine.reviewPaths([folder], unlimited).files.flatMap((file) => file.findings);
  },
};

const work = CASES[name]();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const findings = work();
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const byCode = {};
for (const finding of findings) byCode[finding.code] = (byCode[finding.code] ?? 0) + 1;
console.log(JSON.stringify({ name, size, cpuMs: (cpu.user + cpu.system) / 1000, wallMs, peakRssMB: process.resourceUsage().maxRSS / 1024, findings: byCode }));
