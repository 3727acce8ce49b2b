// One code-server with the packaged VSIX installed, one headless Chromium page on its workbench,
// and the few gestures the smoke tests need. Selectors are VS Code 1.96's workbench DOM.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { installExtension, startCodeServer, type RunningCodeServer } from '../harness/codeServer';
import { FIXTURE_WORKSPACE, stageEnvironment } from '../harness/environment';
import { recordBrowserConsole, saveScreenshot } from '../harness/pageArtifacts';
import { createProfile, disposeProfile, type Profile } from '../harness/profile';

const WAIT_MS = 20_000;
const VIEWPORT = { width: 1400, height: 900 };
const QUICK_INPUT_ROWS = '.quick-input-list .monaco-list-row';

export class WorkbenchSession {
  private failed = false;

  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: RunningCodeServer,
    private readonly profile: Profile,
    private readonly artifactsDir: string,
    private readonly keepProfile: boolean,
  ) {}

  /** Installs the VSIX into a fresh profile, starts code-server and opens the fixture workspace. */
  static async start(): Promise<WorkbenchSession> {
    const env = stageEnvironment();
    const vsix = process.env.APIM_E2E_VSIX ?? '';
    if (!existsSync(vsix)) throw new Error(`no VSIX at "${vsix}": run npm run package`);
    const profile = createProfile(FIXTURE_WORKSPACE);
    const logFile = join(env.artifactsDir, 'code-server.log');
    let server: RunningCodeServer | undefined;
    let browser: Browser | undefined;
    try {
      installExtension(env.codeServerEntry, profile, vsix, logFile);
      server = await startCodeServer(env.codeServerEntry, profile, logFile, join(env.artifactsDir, 'code-server.pid'));
      browser = await launchChromium(env.chromiumPath);
      const page = await browser.newPage({ viewport: VIEWPORT });
      page.setDefaultTimeout(WAIT_MS);
      recordBrowserConsole(page, join(env.artifactsDir, 'browser-console.log'));
      const session = new WorkbenchSession(page, browser, server, profile, env.artifactsDir, env.keepProfile);
      await page.goto(`http://${server.authority}/?${new URLSearchParams({ folder: profile.workspaceDir }).toString()}`);
      await page.locator('.monaco-workbench').waitFor();
      await page.locator('.explorer-folders-view').waitFor();
      return session;
    } catch (error) {
      await browser?.close();
      await server?.stop();
      disposeProfile(profile, true);
      throw error;
    }
  }

  markFailed(): void {
    this.failed = true;
  }

  async screenshot(name: string): Promise<void> {
    // Notifications and menus fade in; let them settle so the picture shows what the test saw.
    await this.page.waitForTimeout(300);
    await saveScreenshot(this.page, join(this.artifactsDir, `${name}.png`));
  }

  /** Where a test saves an extra picture, beside the per-test screenshots. */
  artifactPath(fileName: string): string {
    return join(this.artifactsDir, fileName);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
    disposeProfile(this.profile, this.failed || this.keepProfile);
  }

  /** Opens a workspace file through Quick Open and waits until the editor shows `expectedText`. */
  async openFile(relativePath: string, expectedText: string): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.fill(relativePath);
    const fileName = relativePath.split('/').pop() ?? relativePath;
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.editorText(expectedText).waitFor();
  }

  /** The visible editor lines holding `text`. */
  editorText(text: string): Locator {
    return this.page.locator('.monaco-editor .view-lines', { hasText: text });
  }

  errorSquiggles(): Locator {
    return this.page.locator('.monaco-editor .squiggly-error');
  }

  async showProblems(): Promise<Locator> {
    await this.page.keyboard.press('Control+Shift+M');
    return this.page.locator('.markers-panel .monaco-list-row');
  }

  /**
   * Moves the caret to the next problem and picks `title` from the Ctrl+. menu. The keyboard is
   * used because a pointer-blocking overlay covers the menu.
   */
  async applyQuickFix(title: string): Promise<void> {
    await this.page.locator('.monaco-editor textarea').first().focus();
    await this.page.keyboard.press('F8');
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+.');
    await this.chooseRow('.action-widget .monaco-list-row', title, 'the quick fix menu');
  }

  /** Runs a command from the palette by its title. */
  async runCommand(title: string): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget input.input').fill(`>${title}`);
    await this.chooseRow(QUICK_INPUT_ROWS, title, 'the command palette');
  }

  notification(text: string): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  /** A modal dialog, such as VS Code's "Unable to open ..." error. */
  dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  /** The active tab of the active editor group. */
  activeTab(): Locator {
    return this.page.locator('.editor-group-container.active .tab.active');
  }

  /** The status bar entry with the cursor position, such as "Ln 15, Col 84". */
  cursorPosition(): Locator {
    return this.page.locator('[id="status.editor.selection"]');
  }

  /** Picks a colour theme by its label through "Preferences: Color Theme" and waits for the workbench to wear it. */
  async selectColorTheme(label: string, kind: 'vs' | 'vs-dark'): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    await this.page.locator('.quick-input-widget input.input').fill(label);
    await this.chooseRow(QUICK_INPUT_ROWS, label, 'the colour theme picker');
    await this.page.locator(`.monaco-workbench.${kind}`).waitFor();
  }

  /**
   * Moves the keyboard focus to the first row holding `text` and presses Enter. The best fuzzy match
   * is not always that row ("Preferences: Color Theme" ranks below "...Browse Color Themes...").
   */
  private async chooseRow(rowSelector: string, text: string, where: string): Promise<void> {
    const item = this.page.locator(rowSelector, { hasText: text }).first();
    await item.waitFor();
    const rows = await this.page.locator(rowSelector).count();
    for (let step = 0; step < rows && !(await hasClass(item, 'focused')); step++) {
      await this.page.keyboard.press('ArrowDown');
    }
    if (!(await hasClass(item, 'focused'))) throw new Error(`could not select "${text}" in ${where}`);
    await this.page.keyboard.press('Enter');
  }

  private async focusWorkbench(): Promise<void> {
    // Closes whatever menu or widget a failed earlier step may have left open.
    await this.page.keyboard.press('Escape');
  }
}

async function hasClass(locator: Locator, name: string): Promise<boolean> {
  const classes = (await locator.getAttribute('class')) ?? '';
  return classes.split(/\s+/).includes(name);
}
