import { describe, expect, test } from 'vitest';
import { ANSWER_MS, EDITOR_MS } from './support/limits.ts';
import { hasChromium, useSite } from './support/site.ts';

describe.skipIf(!hasChromium)('the keyboard in cells (command and edit modes)', () => {
  const site = useSite();

  test('Tab through a whole chapter reaches the Next link without editing any code', async () => {
    const page = await site.open('task/');
    const cells = await page.find({ role: 'region', name: /^Cell \d+/ }).count();
    await page.find({ css: '.site-name' }).focus();
    let reached = false;
    // Four buttons and one code block per cell, the header and the table of contents: well under this.
    for (let step = 0; step < cells * 8 + 60 && !reached; step++) {
      await page.press('Tab');
      expect(await page.isEditing()).toBe(false);
      reached = await page.evaluate(() => document.activeElement?.getAttribute('rel') === 'next');
    }
    expect(reached).toBe(true);
    expect(await page.find({ text: 'modified', exact: true, visible: true }).count()).toBe(0);
    expect(page.errors()).toEqual([]);
  });

  test('Enter edits, Tab indents, Escape leaves and Tab moves past the cell', async () => {
    const page = await site.open('task/');
    const cell = page.cell(1);
    await cell.codeView().focus();
    expect(await page.isEditing()).toBe(false);
    await page.press('Enter');
    await page.waitForEditing();
    await page.press('Tab');
    expect(await page.isEditing()).toBe(true);
    await page.press('Escape');
    expect(await page.focusedLabel()).toBe('Code of cell 1');
    await page.press('Tab');
    expect(await page.focusedCellIndex()).toBe('2');
  });

  test('a click puts the caret where it landed: typing at line 3 changes line 3', async () => {
    const page = await site.open('task/');
    const cell = page.cell(1);
    const line = cell.codeView().find({ css: 'pre .line' }).nth(2);
    const before = await line.renderedText();
    const box = (await line.box())!;
    await line.click({ position: { x: 2, y: box.height / 2 } });
    await page.waitForEditing();
    await cell.type('#');
    const lines = (await cell.editorText()).split('\n');
    expect(lines[2]).toBe(`#${before}`);
  });

  test('focus does not jump back into an editor that finished loading after the reader tabbed on', async () => {
    const page = await site.open('task/');
    const cell = page.cell(1);
    await cell.codeView().focus();
    await page.press('Enter');
    await page.press('Escape');
    await page.press('Tab');
    const away = await page.focusedLabel();
    await cell.root.find({ css: '.monaco-editor' }).waitFor('visible', { timeout: EDITOR_MS, message: 'the editor of cell 1 to load' });
    await page.nextFrame();
    expect(await page.isEditing()).toBe(false);
    expect(await page.focusedLabel()).toBe(away);
  });

  test('Reset can be undone; Reset and Stop leave the focus on a control of the cell', async () => {
    const page = await site.open('task/');
    const cell = page.cell(1);
    const edit = 'import time\nwhile True:\n    time.sleep(0.05)';
    await cell.replaceCode(edit);
    await expect.poll(() => cell.code()).toBe(edit);

    await cell.button('Reset cell').focus();
    await page.press('Enter');
    await expect.poll(() => cell.code()).not.toBe(edit);
    expect(await page.focusedLabel()).toBe('Undo reset');
    await page.press('Enter');
    await expect.poll(() => cell.code()).toBe(edit);
    expect(await page.focusedLabel()).toBe('Reset cell');
    expect(await cell.button('Undo reset').isVisible()).toBe(false);

    await cell.clickRun();
    const stop = cell.button('Stop');
    await stop.waitFor('visible', { timeout: ANSWER_MS, message: 'the Stop button' });
    await stop.focus();
    await page.press('Enter');
    await cell.waitUntilIdle();
    await expect.poll(() => page.focusedLabel()).toBe('Run cell');
    expect(page.errors()).toEqual([]);
  });
});
