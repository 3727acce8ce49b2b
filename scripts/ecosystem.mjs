// `npm run ecosystem`: reviews every repository of ../shared/corpus with the built CLI and compares each finding
// with the labelled baseline in test/ecosystem/baseline.jsonl (one JSON object per line, sorted by key), then
// prints precision per rule and overall. Labels: tp (worth acting on), fp (wrong), noise (right in a narrow
// sense, useless in practice), unlabelled (new, not judged yet).
//   --update    rewrite the baseline: labels of unchanged keys are kept, new findings are `unlabelled`
//   --no-build  use dist/cli.js as it is (the test runner has just built it)
//   --corpus D  review another corpus folder
// Exit code 1 when findings appeared or disappeared without the baseline being updated.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const update = args.includes('--update');
const build = !args.includes('--no-build');
const corpusIndex = args.indexOf('--corpus');
const corpus = resolve(corpusIndex >= 0 ? args[corpusIndex + 1] : join(root, '..', 'shared', 'corpus'));
const baselinePath = join(root, 'test', 'ecosystem', 'baseline.jsonl');
const LABELS = ['tp', 'fp', 'noise', 'unlabelled'];

if (!existsSync(join(corpus, 'MANIFEST.tsv'))) {
  console.log(`ecosystem: no corpus at ${corpus}; nothing to compare.`);
  process.exit(0);
}
if (build && spawnSync(process.execPath, ['scripts/build.mjs', '--bundles-only'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(2);

/** Each repository folder is reviewed as its own service, as a user would review their clone. */
const repositories = readdirSync(corpus)
  .filter((name) => name !== 'LICENSES' && statSync(join(corpus, name)).isDirectory())
  .sort();
const scratch = mkdtempSync(join(tmpdir(), 'apim-ecosystem-'));
const output = join(scratch, 'review.json');
const review = spawnSync(
  process.execPath,
  [join(root, 'dist', 'cli.js'), 'review', ...repositories, '--format', 'json', '--fail-on', 'never', '--output', output],
  {
    cwd: corpus,
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
if (review.status !== 0 || !existsSync(output)) {
  console.error('ecosystem: the review failed.');
  process.exit(2);
}
const findings = JSON.parse(readFileSync(output, 'utf8')).findings;
rmSync(scratch, { recursive: true, force: true });

/** Lines of each file, read once. */
const linesOf = new Map();
function lineText(file, line) {
  if (!linesOf.has(file)) linesOf.set(file, readFileSync(file, 'utf8').split(/\r?\n/));
  return linesOf.get(file)[line] ?? '';
}

/**
 * The stable key of a finding: corpus-relative path, rule id, a hash of its line without whitespace, and an
 * occurrence number among identical (path, rule, line) triples. Line numbers are left out, so edits elsewhere
 * in the file keep every key.
 */
const occurrences = new Map();
const current = new Map();
for (const finding of findings) {
  const file = relative(corpus, finding.file).split(sep).join('/');
  const text = lineText(finding.file, finding.range.start.line);
  const hash = createHash('sha256').update(text.replace(/\s+/g, '')).digest('hex').slice(0, 12);
  const stem = `${file}|${finding.ruleId}|${hash}`;
  const occurrence = occurrences.get(stem) ?? 0;
  occurrences.set(stem, occurrence + 1);
  const key = `${stem}|${occurrence}`;
  current.set(key, {
    key,
    file,
    rule: finding.ruleId,
    kind: finding.kind,
    severity: finding.severity,
    line: finding.range.start.line + 1,
    text: text.trim().slice(0, 160),
    message: finding.message,
  });
}

const baseline = new Map();
if (existsSync(baselinePath)) {
  for (const row of readFileSync(baselinePath, 'utf8').split('\n')) {
    if (row.trim() === '') continue;
    const entry = JSON.parse(row);
    baseline.set(entry.key, entry);
  }
}

const appeared = [...current.keys()].filter((key) => !baseline.has(key)).sort();
const disappeared = [...baseline.keys()].filter((key) => !current.has(key)).sort();

/** Current findings with their labels (kept from the baseline for unchanged keys). */
const labelled = [...current.values()]
  .map((entry) => {
    const known = baseline.get(entry.key);
    return { ...entry, label: known?.label ?? 'unlabelled', reason: known?.reason ?? '' };
  })
  .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

if (update) {
  writeFileSync(baselinePath, `${labelled.map((entry) => JSON.stringify(entry)).join('\n')}\n`);
  console.log(`ecosystem: baseline rewritten (${labelled.length} findings, ${appeared.length} new, ${disappeared.length} gone).`);
}

/** Precision table: per rule, then the totals of rule findings and of syntax/schema findings. */
function counts(entries) {
  const result = Object.fromEntries(LABELS.map((label) => [label, 0]));
  for (const entry of entries) result[LABELS.includes(entry.label) ? entry.label : 'unlabelled']++;
  return result;
}
function percent(part, whole) {
  return whole === 0 ? '   -  ' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`;
}
function row(name, c) {
  const judged = c.tp + c.fp + c.noise;
  return `${name.padEnd(42)} ${String(judged + c.unlabelled).padStart(5)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(4)} ${String(c.noise).padStart(6)} ${String(c.unlabelled).padStart(6)}  ${percent(c.tp, judged)} ${percent(c.fp, judged)}`;
}
const header = `${'rule'.padEnd(42)} ${'total'.padStart(5)} ${'tp'.padStart(5)} ${'fp'.padStart(4)} ${'noise'.padStart(6)} ${'unlab.'.padStart(6)}  ${'tp %'.padStart(6)} ${'fp %'.padStart(6)}`;
for (const kind of ['rule', 'other']) {
  const entries = labelled.filter((entry) => (kind === 'rule') === (entry.kind === 'rule'));
  const byRule = new Map();
  for (const entry of entries) byRule.set(entry.rule, [...(byRule.get(entry.rule) ?? []), entry]);
  console.log(kind === 'rule' ? '\nWell-Architected rule findings' : '\nSyntax and schema findings');
  console.log(header);
  for (const [rule, list] of [...byRule].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) console.log(row(rule, counts(list)));
  console.log(row(kind === 'rule' ? 'all rule findings' : 'all syntax and schema findings', counts(entries)));
  // Hints are editor suggestions that cost nothing in scores; the figure without them is what a pipeline shows.
  if (kind === 'rule') console.log(row('rule findings at info and above', counts(entries.filter((entry) => entry.severity !== 'hint'))));
}

if (!update && (appeared.length > 0 || disappeared.length > 0)) {
  const show = (title, keys, source) => {
    if (keys.length === 0) return;
    console.log(`\n${title} (${keys.length}):`);
    for (const key of keys.slice(0, 40)) {
      const entry = source.get(key);
      console.log(`  ${entry.file}:${entry.line} ${entry.rule}: ${entry.message}`);
    }
    if (keys.length > 40) console.log(`  ... and ${keys.length - 40} more`);
  };
  show('Findings not in the baseline', appeared, current);
  show('Baseline findings no longer reported', disappeared, baseline);
  console.log('\nRun `npm run ecosystem -- --update`, then label the new entries in test/ecosystem/baseline.jsonl.');
  process.exit(1);
}
