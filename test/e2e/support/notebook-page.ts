/**
 * A chapter as a reader uses it, the one page object of the e2e tests (the shape of Starlight's
 * `__e2e__/test-utils.ts`): open it, find cells, switch language, use the toolbar, read what the
 * kernel status says; with SitePage's navigation, keys, waits and console. It speaks only the
 * driver interface (driver/driver.ts), so the same reader's path runs on every engine that
 * implements it.
 */
import { Cell } from './cell.ts';
import type { Language } from './chapter-url.ts';
import type { Driver, Handle } from './driver/driver.ts';
import { Exercise } from './exercise.ts';
import { ANSWER_MS, EDITOR_MS } from './limits.ts';
import { SitePage } from './site-page.ts';

const LANGUAGE_LABEL: Record<Language, string> = { python: 'Python', typescript: 'TypeScript' };
/** src/lib/edit-store.ts keeps each edit as `<prefix>:<chapter>:<cell id>` -> `{"code": ...}`. */
const EDIT_KEY = 'event-loop-notebook:edit:v1:';

export class NotebookPage extends SitePage {
  private constructor(driver: Driver, base: string) {
    super(driver, base);
  }

  /** Opens `path` (relative to `base`, or a whole URL) in the tab `driver` drives. */
  static async open(driver: Driver, path: string, base: string): Promise<NotebookPage> {
    const page = new NotebookPage(driver, base);
    await page.goto(path);
    return page;
  }

  // --- cells

  /** Cell `index` as numbered on the page ("Cell 3", "Cell 3: Ping and Pong"). */
  cell(index: number): Cell {
    return new Cell(this, this.find({ role: 'region', name: new RegExp(`^Cell ${index}(:|$)`) }), `cell ${index}`);
  }

  /** The cell with this id in the chapter's source (ids never change; see the README). */
  cellById(id: string): Cell {
    return new Cell(this, this.find({ css: `nb-cell[data-cell-id="${id}"]` }), `cell "${id}"`);
  }

  /** The cell whose accessible name matches, e.g. /Run Ping and Pong/. */
  cellNamed(name: RegExp): Cell {
    return new Cell(this, this.find({ role: 'region', name }), `cell named ${name}`);
  }

  /** The chapter's numbered cells (an exercise's "Cell E3" is not one of them). */
  cellCount(): Promise<number> {
    return this.find({ role: 'region', name: /^Cell \d/ }).count();
  }

  exercise(number: number): Exercise {
    return new Exercise(this, this.find({ role: 'region', name: new RegExp(`^Exercise ${number}:`) }), number);
  }

  // --- language

  /** The language the page shows, as the page itself records it. */
  async language(): Promise<Language | undefined> {
    const shown = await this.driver.evaluate(() => document.documentElement.dataset['language']);
    return shown === 'python' || shown === 'typescript' ? shown : undefined;
  }

  languageRadio(language: Language): Handle {
    return this.find({ role: 'radio', name: LANGUAGE_LABEL[language] });
  }

  /** Clicks the language switch and waits until the page shows that language. */
  async switchLanguage(language: Language): Promise<void> {
    await this.languageRadio(language).click();
    await this.driver.waitUntil(async () => (await this.language()) === language, {
      timeout: ANSWER_MS,
      message: `the page to switch to ${LANGUAGE_LABEL[language]}`,
    });
  }

  // --- notebook controls and the kernel

  toolbar(): Handle {
    return this.find({ role: 'toolbar', name: 'Notebook' });
  }

  runAll(): Promise<void> {
    return this.toolbar().find({ role: 'button', name: 'Run all', exact: true }).click();
  }

  clearOutputs(): Promise<void> {
    return this.toolbar().find({ role: 'button', name: 'Clear outputs' }).click();
  }

  restart(): Promise<void> {
    return this.toolbar().find({ role: 'button', name: /^Restart/ }).click();
  }

  interrupt(): Promise<void> {
    return this.toolbar().find({ role: 'button', name: /^Interrupt/ }).click();
  }

  kernelStatus(): Handle {
    return this.find({ css: 'nb-kernel-status' });
  }

  /** The status's machine-readable state: not-started, starting, idle, busy, stopped. */
  kernelState(): Promise<string | null> {
    return this.kernelStatus().attribute('data-state');
  }

  waitForKernelState(state: string, timeout = ANSWER_MS): Promise<void> {
    return this.driver.waitUntil(async () => (await this.kernelState()) === state, { timeout, message: `the kernel to be ${state}` });
  }

  // --- editing

  /** Whether the keys go to a code editor. */
  isEditing(): Promise<boolean> {
    return this.isFocusWithin('.monaco-editor');
  }

  waitForEditing(): Promise<void> {
    return this.driver.waitUntil(() => this.isEditing(), { timeout: EDITOR_MS, message: 'an editor to take the focus' });
  }

  /** The page number (`data-index`) of the cell the focus is in. */
  focusedCellIndex(): Promise<string | null | undefined> {
    return this.driver.evaluate(() => document.activeElement?.closest('nb-cell')?.getAttribute('data-index'));
  }

  // --- saved edits

  /** The reader's saved edits, by cell id, as the page keeps them across reloads. */
  savedEdits(): Promise<Record<string, string>> {
    return this.driver.evaluate((prefix) => {
      const edits: Record<string, string> = {};
      for (const key of Object.keys(localStorage)) {
        if (!key.startsWith(prefix)) continue;
        const { code } = JSON.parse(localStorage.getItem(key) ?? '{}') as { code?: string };
        if (code !== undefined) edits[key.split(':').at(-1)!] = code;
      }
      return edits;
    }, EDIT_KEY);
  }

  /** Waits until the edit of `cellId` is saved with this code (edits are saved after a short pause). */
  waitForSavedEdit(cellId: string, code: string): Promise<void> {
    return this.driver.waitUntil(async () => (await this.savedEdits())[cellId] === code, {
      timeout: ANSWER_MS,
      message: `the edit of "${cellId}" to be saved`,
    });
  }
}
