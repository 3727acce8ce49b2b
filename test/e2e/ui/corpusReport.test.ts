import assert from 'node:assert/strict';
import { CORPUS_ROOT, corpusAvailable } from '../../support/paths';
import { ReviewReportWebview } from './reviewReportWebview';
import { WorkbenchSession } from './workbenchSession';

// The review of the whole corpus (about 860 documents) on a loaded 2-core machine; an upper bound, not a timing.
const CORPUS_REVIEW_WAIT_MS = 240_000;
const TEST_TIMEOUT_MS = 300_000;

/** Where an element sits in the report's frame, and how far its content reaches. */
interface Box {
  readonly left: number;
  readonly right: number;
  readonly clientWidth: number;
  readonly scrollWidth: number;
  readonly clientHeight: number;
  readonly scrollHeight: number;
  readonly viewportWidth: number;
}

async function boxOf(report: ReviewReportWebview, selector: string): Promise<Box> {
  // A string, as the other page scripts here: this project's TypeScript has no DOM types.
  return report.frame.evaluate<Box>(
    `(() => { const element = document.querySelector(${JSON.stringify(selector)}); ` +
      `if (!element) throw new Error('no ' + ${JSON.stringify(selector)} + ' in the report'); ` +
      'const rect = element.getBoundingClientRect(); ' +
      'return { left: rect.left, right: rect.right, clientWidth: element.clientWidth, scrollWidth: element.scrollWidth, clientHeight: element.clientHeight, scrollHeight: element.scrollHeight, viewportWidth: window.innerWidth }; })()',
  );
}

suite('review report on the whole corpus (packaged VSIX)', () => {
  let session: WorkbenchSession | undefined;

  suiteSetup(async function () {
    // Corpus tests are skipped where the corpus is absent.
    if (!corpusAvailable()) this.skip();
    this.timeout(TEST_TIMEOUT_MS);
    session = await WorkbenchSession.start(CORPUS_ROOT);
  });

  teardown(async function () {
    const current = this.currentTest;
    if (!session || !current) return;
    if (current.state === 'failed') session.markFailed();
    await session.screenshot('corpus-report');
  });

  suiteTeardown(async () => {
    await session?.close();
  });

  test('the report is laid out: filters in view, the coverage table scrolls inside its box, findings grouped by pillar, rule and file', async function () {
    this.timeout(TEST_TIMEOUT_MS);
    if (!session) throw new Error('no workbench session');
    // The palette lists the commands known when it opens: wait until the extension runs (its status bar item shows).
    await session.statusBarItem('APIM').first().waitFor();
    await session.runCommand('APIM: Review Workspace');
    const report = await ReviewReportWebview.find(session.page, CORPUS_REVIEW_WAIT_MS);
    await session.notification('APIM Studio reviewed').first().waitFor();

    // The filters are shown (the script unhides them) and each one fits the page's width.
    await report.locator('#filters').waitFor({ state: 'visible' });
    for (const filter of ['#filter-group', '#filter-severity', '#filter-api']) {
      const box = await boxOf(report, filter);
      assert.ok(box.left >= 0 && box.right <= box.viewportWidth, `${filter} runs off the page: ${JSON.stringify(box)}`);
    }
    assert.ok((await report.locator('#filter-api option').count()) > 50, 'the API filter lists the corpus APIs');

    // The coverage table is wider than the page and scrolls inside its own box, which fits the page.
    const scroll = await boxOf(report, '.table-scroll');
    assert.equal(await report.locator('.table-scroll > table.coverage').count(), 1);
    assert.ok(scroll.right <= scroll.viewportWidth, `the coverage box runs off the page: ${JSON.stringify(scroll)}`);
    assert.ok((await report.locator('table.coverage tr.coverage-row').count()) > 50, 'the coverage table lists the corpus APIs');
    assert.ok(scroll.scrollHeight > scroll.clientHeight, `the coverage rows do not scroll inside their box: ${JSON.stringify(scroll)}`);
    // Long labels (document paths) are cut short: the first coverage columns are in view without scrolling.
    const rateLimit = await boxOf(report, 'table.coverage th:nth-child(2)');
    const firstColumn = await boxOf(report, 'table.coverage th:first-child');
    assert.ok(rateLimit.right <= scroll.right, `the Rate limit column is out of view: ${JSON.stringify({ rateLimit, scroll })}`);
    assert.ok(
      firstColumn.right - firstColumn.left < (scroll.right - scroll.left) / 2,
      `the label column fills the box: ${JSON.stringify({ firstColumn, scroll })}`,
    );

    // Findings: grouped by pillar, then rule, then file; large rules start closed.
    const groups = await report.locator('section.group h3').allTextContents();
    assert.ok(groups.includes('Security') && groups.includes('Reliability'), `groups: ${groups.join(', ')}`);
    const rules = report.locator('details.rule');
    assert.ok((await rules.count()) > 20, 'findings are grouped by rule');
    assert.ok((await report.locator('details.rule:not([open])').count()) > 0, 'large rules start collapsed');
    assert.ok((await report.locator('details.rule details.file').count()) > (await rules.count()), 'rules group their findings by file');
    await report.screenshot(session.artifactPath('corpus-report-webview.png'));
  });
});
