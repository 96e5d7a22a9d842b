import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cellByIndex, hasChromium, openPage, useBrowser, waitUntilIdle } from './support/browser.ts';
import { openEditor, replaceCode } from './support/editor.ts';

const inEditor = (page: Page) => page.evaluate(() => document.activeElement?.closest('.monaco-editor') != null);
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim());

describe.skipIf(!hasChromium)('the keyboard in cells (command and edit modes)', () => {
  const shared = useBrowser();

  test('Tab through a whole chapter reaches the Next link without editing any code', async () => {
    const { page, errors } = await openPage(shared.context, 'task/');
    const cells = await page.getByRole('region', { name: /^Cell \d+/ }).count();
    await page.locator('.site-name').focus();
    let reached = false;
    // Four buttons and one code block per cell, the header and the table of contents: well under this.
    for (let step = 0; step < cells * 8 + 60 && !reached; step++) {
      await page.keyboard.press('Tab');
      expect(await inEditor(page)).toBe(false);
      reached = await page.evaluate(() => document.activeElement?.getAttribute('rel') === 'next');
    }
    expect(reached).toBe(true);
    expect(await page.getByText('modified', { exact: true }).filter({ visible: true }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('Enter edits, Tab indents, Escape leaves and Tab moves past the cell', async () => {
    const { page } = await openPage(shared.context, 'task/');
    const cell = cellByIndex(page, 1);
    const code = cell.locator('.cell-code:visible');
    await code.focus();
    expect(await inEditor(page)).toBe(false);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') != null, null, { timeout: 30_000 });
    await page.keyboard.press('Tab');
    expect(await inEditor(page)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await focusedLabel(page)).toBe('Code of cell 1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nb-cell')?.getAttribute('data-index'))).toBe('2');
  });

  test('a click puts the caret where it landed: typing at line 3 changes line 3', async () => {
    const { page } = await openPage(shared.context, 'task/');
    const cell = cellByIndex(page, 1);
    const line = cell.locator('.cell-code:visible pre .line').nth(2);
    const before = await line.innerText();
    const box = (await line.boundingBox())!;
    await line.click({ position: { x: 2, y: box.height / 2 } });
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') != null, null, { timeout: 30_000 });
    await page.keyboard.type('#');
    const lines = (await cell.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ').split('\n');
    expect(lines[2]).toBe(`#${before}`);
  });

  test('focus does not jump back into an editor that finished loading after the reader tabbed on', async () => {
    const { page } = await openPage(shared.context, 'task/');
    const code = cellByIndex(page, 1).locator('.cell-code:visible');
    await code.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const away = await focusedLabel(page);
    await cellByIndex(page, 1).locator('.monaco-editor').waitFor({ timeout: 30_000 });
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(await inEditor(page)).toBe(false);
    expect(await focusedLabel(page)).toBe(away);
  });

  test('Reset can be undone; Reset and Stop leave the focus on a control of the cell', async () => {
    const { page, errors } = await openPage(shared.context, 'task/');
    const cell = await openEditor(page, 1);
    const edit = 'import time\nwhile True:\n    time.sleep(0.05)';
    await replaceCode(page, edit);
    const code = () => cell.evaluate((element) => (element as unknown as { currentCode(): string }).currentCode());
    await expect.poll(code).toBe(edit);

    await cell.getByRole('button', { name: 'Reset cell' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(code).not.toBe(edit);
    expect(await focusedLabel(page)).toBe('Undo reset');
    await page.keyboard.press('Enter');
    await expect.poll(code).toBe(edit);
    expect(await focusedLabel(page)).toBe('Reset cell');
    expect(await cell.getByRole('button', { name: 'Undo reset' }).isVisible()).toBe(false);

    await cell.getByRole('button', { name: 'Run cell' }).click();
    const stop = cell.getByRole('button', { name: 'Stop' });
    await stop.waitFor();
    await stop.focus();
    await page.keyboard.press('Enter');
    await waitUntilIdle(cell);
    await expect.poll(() => focusedLabel(page)).toBe('Run cell');
    expect(errors).toEqual([]);
  });
});
