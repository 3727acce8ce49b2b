// What a failed run leaves for a person to look at: screenshots and the workbench's console.
import { appendFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export function recordBrowserConsole(page: Page, logFile: string): void {
  page.on('console', (message) => appendFileSync(logFile, `[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => appendFileSync(logFile, `[pageerror] ${error.message}\n`));
}

/** Saves a screenshot; never throws, since it runs while a failure is being reported. */
export async function saveScreenshot(page: Page, file: string): Promise<void> {
  try {
    await page.screenshot({ path: file });
  } catch (error) {
    console.error(`[e2e] no screenshot ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
