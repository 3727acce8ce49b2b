import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { REPORT_EXPORT_FORMATS, parseReportWebviewMessage } from '../../../client/src/report/webviewMessages';
import { formatMarkdown } from '../../../server/src/engine/report/formatters/markdownFormatter';
import { renderReportHtml, WEBVIEW_EXPORT_FORMATS } from '../../../server/src/engine/report/html/renderReportHtml';
import { escapeMarkdown } from '../../../server/src/engine/report/markdownEscape';
import { buildReviewReport } from '../../../server/src/engine/report/reviewReport';
import { reviewFolder, writeWorkspace } from './reviewFixture';

const POLICY = '<policies>\n  <inbound>\n</policies>\n';

describe('Markdown report', () => {
  test('pillar table, coverage table, findings grouped by pillar then rule, relative links with line anchors', () => {
    const root = writeWorkspace({ 'apis/echo api/policy.xml': POLICY });
    const result = reviewFolder(root);
    const report = buildReviewReport(result, root);
    const markdown = formatMarkdown(result, { baseFolder: root, toolVersion: 'test' });
    const lines = markdown.split('\n');
    assert.equal(lines[0], '# APIM Studio review');
    assert.match(lines[2], new RegExp(`^1 document reviewed in ${root}: 1 error(, \\d+ warnings?)?(, \\d+ infos?)?(, \\d+ hints?)?\\.$`));
    for (const group of report.groups) {
      const counts = [group.bySeverity.error, group.bySeverity.warning, group.bySeverity.info, group.bySeverity.hint];
      assert.ok(lines.includes(`| ${group.title} | ${group.score} | ${counts.join(' | ')} |`), group.title);
    }
    assert.ok(lines.includes('| Correctness | 0 | 1 | 0 | 0 | 0 |'));
    assert.ok(lines.some((line) => line.startsWith('| **echo api** | ❌ missing (lacking: without a product) |')));
    assert.ok(
      lines.includes(
        '- **error** [apis/echo api/policy.xml:2:4](<apis/echo%20api/policy.xml#L2>) &lt;inbound&gt; is never closed: add &lt;/inbound&gt; or make it self-closing.',
      ),
    );
    const reliability = lines.indexOf('### Reliability');
    const security = lines.indexOf('### Security');
    assert.ok(reliability > 0 && security > reliability, 'pillars in the Well-Architected order');
    const rateLimitHeading = '#### No rate limit or quota runs on some path to this API or operation. (`rate-limit-missing`): 1 finding';
    const rateLimitAt = lines.indexOf(rateLimitHeading);
    assert.ok(rateLimitAt > security, 'listed under its primary pillar');
    assert.equal(lines.indexOf(rateLimitHeading, rateLimitAt + 1), -1, 'and only there');
  });

  test('workspace text cannot inject HTML, links or table cells', () => {
    assert.equal(
      escapeMarkdown('<script>alert(1)</script> [x](javascript:y) a|b *c* `d`'),
      '&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:y) a\\|b \\*c\\* \\`d\\`',
    );
    assert.equal(escapeMarkdown('line\nbreak'), 'line break');
  });
});

describe('HTML report', () => {
  const root = writeWorkspace({ 'policy.xml': POLICY });
  const report = buildReviewReport(reviewFolder(root), root);

  test('one CSP with the nonce on the only style and script; nothing loads from anywhere', () => {
    const html = renderReportHtml(report, { host: 'browser', nonce: 'abc123+/=' });
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123\+\/='; script-src 'nonce-abc123\+\/='; img-src 'none';/,
    );
    assert.equal((html.match(/<style nonce="abc123\+\/=">/g) ?? []).length, 1);
    assert.equal((html.match(/<script nonce="abc123\+\/=">/g) ?? []).length, 1);
    assert.equal((html.match(/<(style|script)\b/g) ?? []).length, 2);
    assert.doesNotMatch(html, /\ssrc=|<link|@import|url\(/);
    assert.doesNotMatch(html, /data-action="export"/, 'no export buttons outside the editor');
    assert.match(
      html,
      /<a class="location" href="vscode:\/\/file\/[^"]*\/policy.xml:2:4" data-file="[^"]*\/policy.xml" data-line="2" data-column="4">policy.xml:2:4<\/a>/,
    );
  });

  test('names in backticks in the guidance are shown as code, after escaping', () => {
    const html = renderReportHtml(report, { host: 'browser', nonce: 'n' });
    const guidance = html.match(/<p class="guidance">[^]*?<\/p>/g) ?? [];
    assert.ok(guidance.length > 0);
    assert.ok(
      guidance.every((paragraph) => !paragraph.includes('`')),
      'no raw backticks left',
    );
    assert.ok(
      guidance.some((paragraph) => /<code>[a-z-]+<\/code>/.test(paragraph)),
      guidance.join('\n'),
    );
  });

  test('a nonce with other characters is reduced to base64 characters', () => {
    const html = renderReportHtml(report, { host: 'browser', nonce: `x'"><script>` });
    assert.match(html, /<script nonce="xscript">/);
  });

  test('the webview page has export and re-run buttons for exactly the formats the extension accepts', () => {
    const html = renderReportHtml(report, { host: 'webview', nonce: 'n' });
    assert.match(html, /<body data-host="webview">/);
    for (const format of WEBVIEW_EXPORT_FORMATS) assert.match(html, new RegExp(`data-action="export" data-format="${format}"`));
    assert.match(html, /data-action="rerun"/);
    assert.deepEqual([...REPORT_EXPORT_FORMATS], [...WEBVIEW_EXPORT_FORMATS]);
  });
});

describe('webview messages', () => {
  const files = new Set(['/ws/apis/a/policy.xml']);

  test('open only reviewed files at positive positions; export only known formats', () => {
    assert.deepEqual(parseReportWebviewMessage({ type: 'open', file: '/ws/apis/a/policy.xml', line: 3, column: 5 }, files), {
      type: 'open',
      file: '/ws/apis/a/policy.xml',
      line: 3,
      column: 5,
    });
    assert.equal(parseReportWebviewMessage({ type: 'open', file: '/etc/passwd', line: 1, column: 1 }, files), undefined);
    assert.equal(parseReportWebviewMessage({ type: 'open', file: '/ws/apis/a/policy.xml', line: 0, column: 1 }, files), undefined);
    assert.equal(parseReportWebviewMessage({ type: 'open', file: '/ws/apis/a/policy.xml', line: 1.5, column: 1 }, files), undefined);
    assert.deepEqual(parseReportWebviewMessage({ type: 'export', format: 'sarif' }, files), { type: 'export', format: 'sarif' });
    assert.equal(parseReportWebviewMessage({ type: 'export', format: '../x' }, files), undefined);
    assert.deepEqual(parseReportWebviewMessage({ type: 'rerun', extra: 1 }, files), { type: 'rerun' });
    assert.equal(parseReportWebviewMessage({ type: 'command', command: 'workbench.action.terminal.new' }, files), undefined);
    assert.equal(parseReportWebviewMessage('rerun', files), undefined);
    assert.equal(parseReportWebviewMessage(null, files), undefined);
  });
});
