// One code-server with the packaged VSIX installed, one headless Chromium page on its workbench,
// and the few gestures the smoke tests need. Selectors are VS Code 1.96's workbench DOM.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { installExtension, startCodeServer, type RunningCodeServer } from '../harness/codeServer';
import { FIXTURE_WORKSPACE, stageEnvironment } from '../harness/environment';
import { recordBrowserConsole, saveScreenshot } from '../harness/pageArtifacts';
import { createProfile, disposeProfile, type Profile } from '../harness/profile';
import { REPO_ROOT } from '../../support/paths';

const SCREENSHOTS_DIR = join(REPO_ROOT, 'images', 'screenshots');

// Upper bounds for waits on state (an element appears, a class is set); a loaded machine needs room, not luck.
const WAIT_MS = 45_000;
const STARTUP_WAIT_MS = 100_000;
const QUICK_FIX_ATTEMPTS = 4;
const QUICK_FIX_ATTEMPT_MS = 10_000;
const VIEWPORT = { width: 1400, height: 900 };
const QUICK_INPUT_ROWS = '.quick-input-list .monaco-list-row';
/** How long an opened colour theme picker may take to list its themes, and how often it is opened again. */
const THEME_ROWS_WAIT_MS = 15_000;
const THEME_PICKER_ATTEMPTS = 3;

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

  /** Installs the VSIX into a fresh profile, starts code-server and opens a copy of the workspace (the fixture's by default). */
  static async start(workspace: string = FIXTURE_WORKSPACE): Promise<WorkbenchSession> {
    const env = stageEnvironment();
    const vsix = process.env.APIM_E2E_VSIX ?? '';
    if (!existsSync(vsix)) throw new Error(`no VSIX at "${vsix}": run npm run package`);
    const profile = createProfile(workspace);
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
      await page.goto(`http://${server.authority}/?${new URLSearchParams({ folder: profile.workspaceDir }).toString()}`, {
        waitUntil: 'commit',
        timeout: STARTUP_WAIT_MS,
      });
      await page.locator('.monaco-workbench').waitFor({ timeout: STARTUP_WAIT_MS });
      await page.locator('.explorer-folders-view').waitFor({ timeout: STARTUP_WAIT_MS });
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

  /**
   * A picture for the user README (README.vsix.md): saved with the artifacts, and into images/screenshots/ when
   * APIM_UPDATE_SCREENSHOTS=1 (then commit them).
   */
  async readmeScreenshot(fileName: string): Promise<void> {
    await this.page.waitForTimeout(300);
    await saveScreenshot(this.page, join(this.artifactsDir, fileName));
    if (process.env.APIM_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      copyFileSync(join(this.artifactsDir, fileName), join(SCREENSHOTS_DIR, fileName));
    }
  }

  /**
   * The first row of `tree` holding `text` below the row `above` (rows are flat in the DOM, each with its position
   * as `data-index`; several services have an "APIs" group).
   */
  async treeRowBelow(tree: Locator, above: Locator, text: string): Promise<Locator> {
    const from = Number(await above.getAttribute('data-index'));
    const row = tree.locator('.monaco-list-row', { hasText: text });
    await row.first().waitFor();
    for (;;) {
      const indexes = (await row.evaluateAll((rows) => rows.map((candidate) => Number(candidate.getAttribute('data-index'))))).filter((index) => index > from);
      if (indexes.length > 0) return tree.locator(`.monaco-list-row[data-index="${Math.min(...indexes)}"]`);
      await row.nth(await row.count()).waitFor();
    }
  }

  /** The status bar entry with the given text. */
  statusBarItem(text: string): Locator {
    return this.page.locator('.statusbar-item', { hasText: text });
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

  /** The lines of the active editor group's editor holding `text`. */
  activeEditorText(text: string): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: text });
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
    // The menu lists what the server answered for the caret's diagnostics; on a loaded machine the first answer can
    // come before the server has analysed the current version. Reopen the menu until the fix is in it.
    const row = this.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    for (let attempt = 1; attempt < QUICK_FIX_ATTEMPTS; attempt++) {
      const shown = await row.waitFor({ timeout: QUICK_FIX_ATTEMPT_MS }).then(
        () => true,
        () => false,
      );
      if (shown) break;
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Control+.');
    }
    await this.chooseRow('.action-widget .monaco-list-row', title, 'the quick fix menu');
  }

  /** Runs a command from the palette by its title. */
  async runCommand(title: string): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press('F1');
    // The palette is open once its input holds the `>` prefix; typing before that would go to the editor.
    const palette = this.page.locator('.quick-input-widget input.input');
    await this.page.waitForFunction(
      "(() => { const input = document.querySelector('.quick-input-widget input.input'); return input !== null && input.offsetParent !== null && input.value.startsWith('>'); })()",
    );
    await palette.fill(`>${title}`);
    await this.chooseRow(QUICK_INPUT_ROWS, title, 'the command palette');
  }

  /** Picks the row holding `text` in the open quick pick. */
  async chooseQuickPick(text: string): Promise<void> {
    await this.chooseRow(QUICK_INPUT_ROWS, text, 'the quick pick');
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
    // On a loaded machine the picker sometimes opens with its list still empty and never fills it (seen once in
    // several runs): close it and open it again rather than wait for rows that will not come.
    for (let attempt = 1; ; attempt++) {
      await this.runCommand('Preferences: Color Theme');
      // The theme picker replaces the command palette in the same widget, later on a loaded machine: wait until the
      // widget is the picker (its placeholder says so) before typing, or the label lands in the closing palette.
      const picker = this.page.locator('.quick-input-widget input.input[placeholder^="Select Color Theme"]');
      await picker.waitFor();
      await picker.fill(label);
      const listed = await this.page
        .locator(QUICK_INPUT_ROWS, { hasText: label })
        .first()
        .waitFor({ timeout: THEME_ROWS_WAIT_MS })
        .then(() => true)
        .catch(() => false);
      if (listed || attempt === THEME_PICKER_ATTEMPTS) break;
      await this.page.keyboard.press('Escape');
      await picker.waitFor({ state: 'hidden' });
    }
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
    // The list filters as it is typed into: wait until the row list settles (the same rows twice in a row).
    await this.page.waitForFunction(
      `(() => { const labels = Array.from(document.querySelectorAll(${JSON.stringify(rowSelector)})).map((row) => row.textContent).join('\\n'); ` +
        'const settled = window.__apimLastRows === labels; window.__apimLastRows = labels; return settled; })()',
      undefined,
      { polling: 100 },
    );
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
