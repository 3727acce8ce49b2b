import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findingExcerpt, SECRET_MASK } from '../../../server/src/engine/report/findingExcerpt';
import { renderReviewReports } from '../../../server/src/engine/report/renderReviewReports';
import { reviewFolder, writeWorkspace } from './reviewFixture';

const SECRET = 'S3cr3t!Passw0rd-very-private';

describe('finding excerpts', () => {
  test('a short window around the range, cut ends marked', () => {
    const line = `${'x'.repeat(100)}<rate-limit calls="5" />${'y'.repeat(100)}`;
    const start = line.indexOf('<rate-limit');
    const excerpt = findingExcerpt('some-rule', line, start + 1, start + 11);
    assert.deepEqual(excerpt, { before: `…${'x'.repeat(39)}<`, target: 'rate-limit', after: ` calls="5" />${'y'.repeat(27)}…` });
  });

  test('a secret is masked whatever its length', () => {
    const line = `    <authentication-basic username="u" password="${SECRET}" />`;
    const start = line.indexOf(SECRET);
    assert.equal(findingExcerpt('secret-in-policy', line, start, start + SECRET.length).target, SECRET_MASK);
  });

  test('no report format prints a secret-in-policy secret: webview, HTML, Markdown, SARIF, JSON, text', () => {
    const root = writeWorkspace({
      'policy.xml': `<policies>\n  <inbound>\n    <base />\n    <authentication-basic username="svc-orders" password="${SECRET}" />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n`,
    });
    const result = reviewFolder(root);
    assert.ok(result.files[0].findings.some((finding) => finding.code === 'secret-in-policy'));
    const reports = renderReviewReports(result, ['webview', 'html', 'markdown', 'sarif', 'json', 'text'], root, 'bm9uY2U=');
    assert.deepEqual(Object.keys(reports).sort(), ['html', 'json', 'markdown', 'sarif', 'text', 'webview']);
    for (const [format, text] of Object.entries(reports)) assert.ok(!text.includes(SECRET), `${format} prints the secret`);
    assert.ok(reports.html.includes(`<mark>${SECRET_MASK}</mark>`), 'the HTML excerpt shows the mask where the secret was');
  });
});
