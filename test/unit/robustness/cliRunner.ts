import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths';

export interface JsonReportFinding {
  readonly ruleId: string;
  readonly severity: string;
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Writes `files` (text or raw bytes) into a fresh temporary folder and returns it. */
export function writeWorkspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'apim-robust-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Runs `dist/cli.js review <path> --format json` and returns the exit code and parsed findings. */
export function reviewAsJson(path: string): { status: number | null; stderr: string; findings: JsonReportFinding[] } {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'review', path, '--format', 'json', '--fail-on', 'never'], {
    encoding: 'utf8',
  });
  const report = JSON.parse(result.stdout) as { findings: JsonReportFinding[] };
  return { status: result.status, stderr: result.stderr, findings: report.findings };
}
