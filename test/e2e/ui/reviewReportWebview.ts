// The review report as the workbench shows it: VS Code puts a webview's page in nested iframes
// (iframe.webview holds VS Code's host page, whose iframe#active-frame holds ours), so the report is
// found among the page's frames rather than through the workbench DOM.
import type { ElementHandle, Frame, Locator, Page } from 'playwright-core';

const POLL_MS = 100;

export class ReviewReportWebview {
  private constructor(readonly frame: Frame) {}

  /**
   * Waits for the frame that shows the report rendered for the webview (`data-host="webview"`), not
   * another webview or a page the report replaced.
   */
  static async find(page: Page, timeoutMs: number): Promise<ReviewReportWebview> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of page.frames()) {
        if (!frame.isDetached() && (await isReport(frame))) return new ReviewReportWebview(frame);
      }
      await page.waitForTimeout(POLL_MS);
    }
    throw new Error(
      `no review report webview within ${timeoutMs} ms; frames: ${page
        .frames()
        .map((frame) => frame.url())
        .join(', ')}`,
    );
  }

  locator(selector: string, options?: { hasText?: string | RegExp }): Locator {
    return this.frame.locator(selector, options);
  }

  /** Sets the pillar, severity and API filters back to "All", so a failed earlier test leaves nothing hidden. */
  async showAllFindings(): Promise<void> {
    for (const filter of ['#filter-group', '#filter-severity', '#filter-api']) await this.frame.locator(filter).selectOption('');
  }

  /** The texts of the finding links the filters leave visible, such as `templates/apim.json:15:84`. */
  async visibleFindingLocations(): Promise<string[]> {
    return this.frame.locator('li.finding:visible a.location').allTextContents();
  }

  /** The report's `<body>` background as the page computes it, such as `rgb(31, 31, 31)`. */
  backgroundColour(): Promise<string> {
    return this.frame.evaluate<string>('getComputedStyle(document.body).backgroundColor');
  }

  /** Waits until the page's background is no longer `previous` (a theme change reaches the page as a message). */
  async backgroundChangedFrom(previous: string, timeoutMs: number): Promise<void> {
    await this.frame.waitForFunction(`getComputedStyle(document.body).backgroundColor !== ${JSON.stringify(previous)}`, undefined, {
      timeout: timeoutMs,
      polling: POLL_MS,
    });
  }

  /** A PNG of the webview as it sits in the workbench: the iframe element VS Code placed over the editor. */
  async screenshot(path: string): Promise<Buffer> {
    const outer = this.frame.parentFrame();
    const element: ElementHandle | null = outer ? await outer.frameElement() : null;
    if (!element) throw new Error('the report frame is not inside a webview iframe');
    return element.screenshot({ path });
  }
}

async function isReport(frame: Frame): Promise<boolean> {
  try {
    return (await frame.locator('body[data-host="webview"] h1', { hasText: 'APIM Studio review' }).count()) > 0;
  } catch {
    // The frame went away while we asked (VS Code swaps frames when the page changes).
    return false;
  }
}
