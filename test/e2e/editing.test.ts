import { describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { ANSWER_MS } from './support/limits.ts';
import { hasChromium, useSite } from './support/site.ts';

const task = readChapters().find((chapter) => chapter.slug === 'task')!;
const first = task.cells[0]!;

describe.skipIf(!hasChromium)('editing a cell', () => {
  const site = useSite();

  test('an edit runs, survives a reload, and Reset restores the original', async () => {
    const page = await site.open('task/');
    const cell = page.cell(1);
    const edit = 'greeting = "edited"\nprint(greeting * 2)';
    await cell.replaceCode(edit);
    await expect.poll(() => cell.isModified()).toBe(true);
    expect(await cell.run()).toContain('editededited');

    // Edits reach storage after a short pause; once kept, come back.
    await page.waitForSavedEdit(first.id, edit);
    await page.reload();
    const restored = page.cell(1);
    expect(await restored.codeView().renderedText()).toContain('print(greeting * 2)');
    expect(await restored.isModified()).toBe(true);
    expect(await restored.run()).toContain('editededited');

    await restored.reset();
    expect(await restored.codeView().renderedText()).toContain(first.code.split('\n')[0]!);
    expect(await restored.isModified()).toBe(false);
    await page.reload();
    expect(await page.cell(1).codeView().renderedText()).not.toContain('greeting');
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  test('opening the editor keeps the code where it was', async () => {
    const page = await site.open('task/');
    const cell = page.cell(1);
    // Where the first token sits inside the cell, and how tall the code is: static, then in Monaco.
    const layout = () =>
      cell.root.evaluate((root) => {
        const code = root.querySelector('.cell-code')!;
        const token = root.querySelector('.cell-editor .view-line span span') ?? root.querySelector('pre .line span');
        const rootBox = root.getBoundingClientRect();
        const tokenBox = token!.getBoundingClientRect();
        return { height: code.getBoundingClientRect().height, x: tokenBox.x - rootBox.x, y: tokenBox.y - rootBox.y };
      });
    const before = await layout();
    await cell.openEditor();
    // Once Monaco has drawn its first token and the layout holds from one frame to the next.
    await cell.root.find({ css: '.cell-editor .view-line span span' }).nth(0).waitFor('attached', { timeout: ANSWER_MS, message: 'Monaco to draw the code' });
    let last = await layout();
    await page.waitUntil(
      async () => {
        await page.nextFrame();
        const now = await layout();
        const settled = JSON.stringify(now) === JSON.stringify(last);
        last = now;
        return settled;
      },
      { timeout: ANSWER_MS, message: 'the editor to settle' },
    );
    const after = last;
    expect(Math.abs(after.height - before.height)).toBeLessThanOrEqual(2);
    expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(2);
    await page.close();
  });

  test('a typo shows a SyntaxError that points at the right line', async () => {
    const page = await site.open('task/');
    const cell = page.cell(1);
    await cell.replaceCode('x = 1\nprint("oops"\ny = 2');
    const text = await cell.run();
    expect(text).toMatch(/File "Cell 1", line 2/);
    expect(text).toContain('SyntaxError');
    // The kernel is still usable after the error.
    await cell.replaceCode('print("fine")');
    expect(await cell.run()).toContain('fine');
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  test('a traceback shows the cell line that raised, without kernel frames', async () => {
    const page = await site.open('task/');
    const cell = page.cell(1);
    await cell.replaceCode('ratio = 1\nfail = lambda: ratio / 0\nfail()');
    const text = await cell.run();
    expect(text).toContain('File "Cell 1", line 3, in <module>');
    expect(text).toContain('File "Cell 1", line 2, in <lambda>');
    expect(text).toContain('ZeroDivisionError: division by zero');
    expect(text).not.toContain('notebook-runner');
    expect(text).not.toContain('pyodide');
    await page.close();
  });

  test('importing a package the site does not ship says so', async () => {
    const page = await site.open('task/');
    const cell = page.cell(1);
    await cell.replaceCode('import numpy');
    const text = await cell.run();
    expect(text).toContain("ModuleNotFoundError: No module named 'numpy'");
    expect(text).toContain('not shipped');
    await page.close();
  });

  test('Shift+Enter runs the cell and moves to the next one; Escape leaves the editor', async () => {
    const page = await site.open('task/');
    const cell = page.cell(1);
    await cell.openEditor();
    await page.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Code of cell 1');
    await cell.codeView().click();
    await page.press('Shift+Enter');
    await expect.poll(() => cell.busy(), { timeout: 60_000 }).toBe('false');
    expect(normalizeOutputText(await cell.logText())).toBe(normalizeOutputText(first.output ?? ''));
    await expect.poll(() => page.focusedCellIndex()).toBe('2');
    await page.close();
  });
});
