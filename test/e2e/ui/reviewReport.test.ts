import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { pngPixels } from '../../support/pngColours';
import { ReviewReportWebview } from './reviewReportWebview';
import { WorkbenchSession } from './workbenchSession';

const REPORT_WAIT_MS = 45_000;
const LINK_SETTLE_MS = 1_000;

// The TLS 1.0 switch in test/e2e/fixtures/workspace/templates/apim.json: its value starts at line 15, column 84.
const TLS_FINDING = { rule: 'legacy-tls-enabled', location: 'templates/apim.json:15:84', tab: 'apim.json', cursor: 'Ln 15, Col 84' };
// The two unclosed elements of the fixture workspace, the only errors.
const ERROR_LOCATIONS = ['apis/echo/policy.xml:5:4', 'loose/unclosed-value.policy.xml:5:8'];

/** The top-left pixel and the number of colours of a screenshot; a blank picture has one colour. */
function pictureSummary(png: Buffer): { corner: string; colours: number } {
  const pixels = pngPixels(png);
  return { corner: pixels.pixel(2, 2), colours: pixels.distinctColours };
}

// editor.background of VS Code 1.96's Dark Modern and Light Modern themes, which the report's page takes on.
const DARK_MODERN_BACKGROUND = '31,31,31';
const LIGHT_MODERN_BACKGROUND = '255,255,255';

suite('review report webview (packaged VSIX)', () => {
  let session: WorkbenchSession;
  let shown: ReviewReportWebview | undefined;
  let darkScreenshot: Buffer | undefined;

  /** The report the first test opened; the later tests work on it. */
  function shownReport(): ReviewReportWebview {
    if (!shown) throw new Error('no report webview: the first test did not open it');
    return shown;
  }

  suiteSetup(async () => {
    session = await WorkbenchSession.start();
  });

  teardown(async function () {
    const current = this.currentTest;
    if (!session || !current) return;
    if (current.state === 'failed') session.markFailed();
    await session.screenshot(`report-${current.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
  });

  suiteTeardown(async () => {
    await session?.close();
  });

  test('APIM: Review Workspace opens the report with pillars, coverage and findings', async () => {
    // Start from a known dark theme; the last test switches to a light one.
    await session.selectColorTheme('Dark Modern', 'vs-dark');
    await session.runCommand('APIM: Review Workspace');
    const report = await ReviewReportWebview.find(session.page, REPORT_WAIT_MS);
    await session.activeTab().filter({ hasText: 'APIM Review' }).waitFor();

    const pillars = await report.locator('table.pillars td:first-child').allTextContents();
    assert.ok(pillars.includes('Security') && pillars.includes('Reliability'), `pillar rows: ${pillars.join(', ')}`);
    const groupHeadings = await report.locator('section.group h3').allTextContents();
    assert.ok(groupHeadings.includes('Security') && groupHeadings.includes('Reliability'), `finding groups: ${groupHeadings.join(', ')}`);

    // API a is published in product p, whose policy limits the rate; API b is in no product.
    assert.equal(await report.locator('table.coverage th:nth-child(2)').textContent(), 'Rate limit');
    const rateLimitCell = (api: string): Locator => report.locator(`tr.coverage-row[data-api-key="${api}"] td:nth-child(2)`);
    assert.equal(await rateLimitCell('a').getAttribute('class'), 'cell-ok');
    assert.equal(await rateLimitCell('b').getAttribute('class'), 'cell-missing');
    assert.equal(await rateLimitCell('b').locator('.lacking').textContent(), 'lacking: without a product');

    const rule = report.locator('details.rule', { hasText: TLS_FINDING.rule });
    assert.equal(await rule.locator('h4 code').textContent(), TLS_FINDING.rule);
    const finding = rule.locator('li.finding', { hasText: TLS_FINDING.location });
    assert.equal(await finding.getAttribute('data-severity'), 'warning');
    assert.match((await finding.textContent()) ?? '', /Protocols\.Tls10 enables a legacy protocol/);

    darkScreenshot = await report.screenshot(session.artifactPath('report-dark.png'));
    await session.readmeScreenshot('review-report.png');
    shown = report;
  });

  test('the severity and pillar filters narrow the findings', async () => {
    const report = shownReport();
    await report.showAllFindings();
    const all = await report.visibleFindingLocations();
    assert.ok(all.length > ERROR_LOCATIONS.length, `only ${all.length} findings before filtering`);

    await report.locator('#filter-severity').selectOption('error');
    assert.deepEqual((await report.visibleFindingLocations()).sort(), ERROR_LOCATIONS);

    await report.locator('#filter-severity').selectOption('');
    await report.locator('#filter-group').selectOption('security');
    assert.equal(await report.locator('section.group:visible').count(), 1);
    assert.equal(await report.locator('section.group:visible h3').textContent(), 'Security');
    const security = await report.visibleFindingLocations();
    assert.ok(security.length > 0 && security.length < all.length, `security shows ${security.length} of ${all.length} findings`);
    assert.ok(security.includes(TLS_FINDING.location), 'the TLS finding is a security finding');

    await report.locator('#filter-group').selectOption('');
    assert.equal((await report.visibleFindingLocations()).length, all.length);
  });

  test('the report follows a switch to a light theme', async () => {
    const report = shownReport();
    assert.ok(darkScreenshot, 'the first test took no dark screenshot');
    const darkBackground = await report.backgroundColour();
    await session.selectColorTheme('Light Modern', 'vs');
    await report.backgroundChangedFrom(darkBackground, REPORT_WAIT_MS);
    const light = pictureSummary(await report.screenshot(session.artifactPath('report-light.png')));
    const dark = pictureSummary(darkScreenshot);

    assert.ok(dark.colours > 20, `the dark report has ${dark.colours} colours`);
    assert.ok(light.colours > 20, `the light report has ${light.colours} colours`);
    assert.equal(dark.corner, DARK_MODERN_BACKGROUND);
    assert.equal(light.corner, LIGHT_MODERN_BACKGROUND);
  });

  test('a finding link opens its file with the cursor on the finding', async () => {
    const report = shownReport();
    await report.showAllFindings();
    await report.locator('a.location', { hasText: TLS_FINDING.location }).click();
    await session.activeTab().filter({ hasText: TLS_FINDING.tab }).waitFor();
    await session.cursorPosition().filter({ hasText: TLS_FINDING.cursor }).waitFor();
    await session.editorText('Protocols.Tls10').waitFor();
    // VS Code's webview host handles link clicks too: unless the page keeps the click to itself, the
    // workbench also opens the link's vscode://file URL and fails with an "Unable to open" dialog. That
    // happens after the editor above opened or about when it does, so give it a moment to show.
    await session.page.waitForTimeout(LINK_SETTLE_MS);
    assert.equal(await session.dialog().count(), 0, `a dialog opened: ${await session.dialog().allTextContents()}`);
  });
});
