import { describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { cellByIndex, hasChromium, openPage, outputOf, runCell, useBrowser } from './support/browser.ts';
import { openEditor, replaceCode } from './support/editor.ts';

const task = readChapters().find((chapter) => chapter.slug === 'task')!;
const first = task.cells[0]!;

describe.skipIf(!hasChromium)('editing a cell', () => {
  const shared = useBrowser();

  test('an edit runs, survives a reload, and Reset restores the original', async () => {
    const { page, errors } = await openPage(shared.context, 'task/');
    const cell = await openEditor(page, 1);
    await replaceCode(page, 'greeting = "edited"\nprint(greeting * 2)');
    await expect.poll(() => cell.getByText('modified', { exact: true }).isVisible()).toBe(true);
    expect(await runCell(cell)).toContain('editededited');

    // Edits reach storage within a second; give the debounce time, then come back.
    await page.waitForTimeout(1000);
    await page.reload();
    const restored = cellByIndex(page, 1);
    expect(await restored.locator('.cell-code:visible').innerText()).toContain('print(greeting * 2)');
    expect(await restored.getByText('modified', { exact: true }).isVisible()).toBe(true);
    expect(await runCell(restored)).toContain('editededited');

    await restored.getByRole('button', { name: 'Reset cell' }).click();
    expect(await restored.locator('.cell-code:visible').innerText()).toContain(first.code.split('\n')[0]!);
    expect(await restored.getByText('modified', { exact: true }).isVisible()).toBe(false);
    await page.reload();
    expect(await cellByIndex(page, 1).locator('.cell-code:visible').innerText()).not.toContain('greeting');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('opening the editor keeps the code where it was', async () => {
    const { page } = await openPage(shared.context, 'task/');
    const cell = cellByIndex(page, 1);
    // Where the first token sits inside the cell, and how tall the code is: static, then in Monaco.
    const layout = () =>
      cell.evaluate((root) => {
        const code = root.querySelector('.cell-code')!;
        const token = root.querySelector('.cell-editor .view-line span span') ?? root.querySelector('pre .line span');
        const rootBox = root.getBoundingClientRect();
        const tokenBox = token!.getBoundingClientRect();
        return { height: code.getBoundingClientRect().height, x: tokenBox.x - rootBox.x, y: tokenBox.y - rootBox.y };
      });
    const before = await layout();
    await openEditor(page, 1);
    await page.waitForTimeout(300);
    const after = await layout();
    expect(Math.abs(after.height - before.height)).toBeLessThanOrEqual(2);
    expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(2);
    await page.close();
  });

  test('a typo shows a SyntaxError that points at the right line', async () => {
    const { page, errors } = await openPage(shared.context, 'task/');
    const cell = await openEditor(page, 1);
    await replaceCode(page, 'x = 1\nprint("oops"\ny = 2');
    const text = await runCell(cell);
    expect(text).toMatch(/File "Cell 1", line 2/);
    expect(text).toContain('SyntaxError');
    // The kernel is still usable after the error.
    await replaceCode(page, 'print("fine")');
    expect(await runCell(cell)).toContain('fine');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a traceback shows the cell line that raised, without kernel frames', async () => {
    const { page } = await openPage(shared.context, 'task/');
    const cell = await openEditor(page, 1);
    await replaceCode(page, 'ratio = 1\nfail = lambda: ratio / 0\nfail()');
    const text = await runCell(cell);
    expect(text).toContain('File "Cell 1", line 3, in <module>');
    expect(text).toContain('File "Cell 1", line 2, in <lambda>');
    expect(text).toContain('ZeroDivisionError: division by zero');
    expect(text).not.toContain('notebook-runner');
    expect(text).not.toContain('pyodide');
    await page.close();
  });

  test('importing a package the site does not ship says so', async () => {
    const { page } = await openPage(shared.context, 'task/');
    const cell = await openEditor(page, 1);
    await replaceCode(page, 'import numpy');
    const text = await runCell(cell);
    expect(text).toContain("ModuleNotFoundError: No module named 'numpy'");
    expect(text).toContain('not shipped');
    await page.close();
  });

  test('Shift+Enter runs the cell and moves to the next one; Escape leaves the editor', async () => {
    const { page } = await openPage(shared.context, 'task/');
    const cell = await openEditor(page, 1);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Code of cell 1');
    await cell.locator('.cell-code:visible').click();
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => cell.getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    expect(normalizeOutputText(await outputOf(cell).textContent() ?? '')).toBe(normalizeOutputText(first.output ?? ''));
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('nb-cell')?.getAttribute('data-index')))
      .toBe('2');
    await page.close();
  });
});
