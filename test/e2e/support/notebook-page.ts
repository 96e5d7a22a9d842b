import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { cellByIndex, openPage, outputOf } from './browser.ts';

export type CellLanguage = 'python' | 'typescript';

/** The fragment src/notebook/share-link.ts reads: `#share=<cell-id>[~ts].<base64url of the code>`. */
export function shareHash(cellId: string, code: string, language: CellLanguage = 'python'): string {
  const target = language === 'typescript' ? `${cellId}~ts` : cellId;
  return `#share=${target}.${Buffer.from(code, 'utf8').toString('base64url')}`;
}

/**
 * Opens a chapter with the code of some cells replaced, as a shared link would: the quickest way
 * to put a reader's own code in a cell without typing it into Monaco.
 */
export async function openWithCode(
  context: BrowserContext,
  slug: string,
  cellId: string,
  code: string,
  language: CellLanguage = 'python',
): Promise<{ page: Page; errors: string[]; cell: Locator }> {
  const lang = language === 'typescript' ? 'ts' : 'py';
  const opened = await openPage(context, `/${slug}/?lang=${lang}${shareHash(cellId, code, language)}`);
  const cell = opened.page.locator(`nb-cell[data-cell-id="${cellId}"]`);
  return { ...opened, cell };
}

export function cellState(cell: Locator): Promise<string> {
  return cell.locator('.cell-state').innerText();
}

export async function logText(cell: Locator): Promise<string> {
  return (await outputOf(cell).textContent()) ?? '';
}

/** Waits until the cell's log shows `text` (late output arrives after the run has ended). */
export async function waitForOutput(cell: Locator, text: string | RegExp, timeout = 60_000): Promise<void> {
  await expect.poll(() => logText(cell), { timeout }).toMatch(typeof text === 'string' ? new RegExp(escape(text)) : text);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export { cellByIndex };
