import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { formatHtml } from '../../../server/src/engine/report/formatters/htmlFormatter';
import { pngPixels } from '../../support/pngColours';
import { reviewFolder, writeWorkspace } from './reviewFixture';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** File names, API names and policy text an attacker could commit; each payload would call alert or load something. */
const HOSTILE_WORKSPACE: Readonly<Record<string, string>> = {
  'apis/<img src=x onerror=alert(1)>/policy.xml':
    '<policies>\n  <inbound>\n    <script>alert(2)</script>\n    <set-backend-service base-url="javascript:alert(3)//&lt;script&gt;alert(4)&lt;/script&gt;" />\n    <trace source="&lt;img src=x onerror=alert(5)&gt;" severity="verbose"><message>&lt;script&gt;alert(6)&lt;/script&gt; @(context.Subscription.Key)</message></trace>\n  </inbound>\n</policies>\n',
  'apis/"><svg onload=alert(7)>/operations/<iframe src=javascript:alert(8)>/policy.xml':
    '<policies><inbound><base /><img src="x" onerror="alert(9)" /></inbound></policies>',
  '<script>alert(10)</policy.xml': '<policies>\n<inbound><a href="javascript:alert(11)">x</a>\n',
};

describe('HTML report in headless Chromium', () => {
  const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (install the Debian package "chromium"; CI does)`;
  if (skip) console.log(`# skipped: ${skip}`);

  test('workspace-derived HTML and javascript: links execute nothing and load nothing; light and dark screenshots are not blank', { skip }, async () => {
    const root = writeWorkspace(HOSTILE_WORKSPACE);
    const html = formatHtml(reviewFolder(root), { baseFolder: root, toolVersion: 'test' });
    // The hostile names did reach the report, escaped.
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /&quot;&gt;&lt;svg onload=alert\(7\)&gt;/);
    assert.doesNotMatch(html, /<(img|svg|iframe|a href="javascript)/i);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'only the report script');
    const page = join(root, 'report.html');
    writeFileSync(page, html);

    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
      const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
      const requests: string[] = [];
      await context.route(
        (url) => url.href !== pathToFileURL(page).href,
        (route) => {
          requests.push(route.request().url());
          return route.abort();
        },
      );
      const tab = await context.newPage();
      const dialogs: string[] = [];
      const consoleErrors: string[] = [];
      tab.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      tab.on('request', (request) => {
        if (request.url() !== pathToFileURL(page).href) requests.push(request.url());
      });
      tab.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
      // Our own script ran under the nonce: it shows the filter bar, and the severity filter hides warnings.
      assert.equal(await tab.locator('#filters').isVisible(), true);
      const visibleWarnings = (): Promise<number> => tab.locator('li.finding[data-severity="warning"]:visible').count();
      assert.ok((await visibleWarnings()) > 0);
      await tab.selectOption('#filter-severity', 'error');
      assert.equal(await visibleWarnings(), 0);
      assert.ok((await tab.locator('li.finding[data-severity="error"]:visible').count()) > 0);
      await tab.selectOption('#filter-severity', '');
      // Clicking a finding link in a browser must not run anything either.
      await tab
        .locator('a.location')
        .first()
        .click({ noWaitAfter: true })
        .catch(() => undefined);

      const screenshots: Record<string, ReturnType<typeof pngPixels>> = {};
      for (const colorScheme of ['light', 'dark'] as const) {
        await tab.emulateMedia({ colorScheme });
        screenshots[colorScheme] = pngPixels(await tab.screenshot());
      }
      assert.deepEqual(dialogs, [], 'no alert() ran');
      assert.deepEqual(
        requests.filter((url) => !url.startsWith('vscode:')),
        [],
        'no request left the page',
      );
      assert.ok(screenshots.light.distinctColours > 20, `light screenshot has ${screenshots.light.distinctColours} colours`);
      assert.ok(screenshots.dark.distinctColours > 20, `dark screenshot has ${screenshots.dark.distinctColours} colours`);
      assert.equal(screenshots.light.pixel(2, 2), '255,255,255');
      assert.equal(screenshots.dark.pixel(2, 2), '13,17,23');
      assert.deepEqual(
        consoleErrors.filter((text) => !/Content Security Policy|vscode:/.test(text)),
        [],
      );
    } finally {
      await browser?.close();
    }
  });
});
