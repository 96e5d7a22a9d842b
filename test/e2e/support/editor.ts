import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { cellByIndex } from './browser.ts';

/** Clicks into a cell's code (in the language on screen) and waits until Monaco has the focus. */
export async function openEditor(page: Page, index: number) {
  const cell = cellByIndex(page, index);
  await openEditorIn(cell);
  await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') != null);
  return cell;
}

/** Opens the cell's editor with a click on its code, unless it is open already. */
async function openEditorIn(cell: Locator): Promise<void> {
  if ((await cell.locator('.monaco-editor:visible').count()) > 0) return;
  await cell.locator('.cell-code:visible').click();
  await cell.locator('.monaco-editor:visible').waitFor({ timeout: 30_000 });
}

/**
 * Replaces the code in a cell's editor (opening it first) as a clipboard paste does. Typed text
 * (keyboard.insertText) goes through Monaco's auto-indent, which re-indents every line after a
 * colon, and slows down with the square of a line's length; a reader pastes.
 */
export async function pasteCode(cell: Locator, code: string): Promise<void> {
  await openEditorIn(cell);
  const page = cell.page();
  await cell.locator('.monaco-editor:visible .view-lines').click();
  await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') != null);
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
  // Monaco draws spaces as no-break spaces.
  const shown = async () => (await cell.locator('.monaco-editor:visible .view-lines').innerText()).replace(/\u00a0/g, ' ');
  await expect.poll(shown).toContain(code.split('\n')[0]!);
}

/** Replaces the code of cell `index` (whose editor is open) as a paste would. */
export async function replaceCode(page: Page, code: string, index = 1) {
  await pasteCode(cellByIndex(page, index), code);
}
