import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { cellByIndex } from './browser.ts';

/** Clicks into a cell's code (in the language on screen) and waits until Monaco has the focus. */
export async function openEditor(page: Page, index: number) {
  const cell = cellByIndex(page, index);
  await cell.locator('.cell-code:visible').click();
  await cell.locator('.monaco-editor').waitFor({ timeout: 30_000 });
  await cell.page().waitForFunction(() => document.activeElement?.closest('.monaco-editor') != null);
  return cell;
}

/** Replaces the cell's code as a paste would, so Monaco's auto-indent does not rewrite it. */
export async function replaceCode(page: Page, code: string, index = 1) {
  await cellByIndex(page, index).locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
  // Monaco draws spaces as no-break spaces.
  const shown = async () => (await cellByIndex(page, index).locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
  await expect.poll(shown).toContain(code.split('\n')[0]!);
}
