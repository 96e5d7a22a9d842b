import { describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { cellByIndex, hasChromium, openPage, outputOf, runCell, waitUntilIdle, useBrowser } from './support/browser.ts';

const chapters = readChapters();
const hasTwins = chapters.every((chapter) => chapter.cells.every((cell) => cell.twin));

describe.skipIf(!hasChromium || !hasTwins)('the TypeScript side of every chapter', () => {
  const shared = useBrowser();

  test.each(chapters)('$slug: after switching to TypeScript, each cell shows its stored output', async (chapter) => {
    const { page, errors } = await openPage(shared.context, `${chapter.slug}/`);
    await page.getByRole('radio', { name: 'TypeScript' }).click();
    for (const cell of chapter.cells) {
      const region = cellByIndex(page, cell.index);
      const expected = normalizeOutputText(cell.twin!.output ?? '');
      expect(normalizeOutputText((await outputOf(region).textContent()) ?? '')).toBe(expected);
      expect(normalizeOutputText(await runCell(region)), `cell ${cell.index} (${cell.id})`).toBe(expected);
    }
    expect(errors).toEqual([]);
  });

  test('the language choice survives a reload and travels in links', async () => {
    const { page } = await openPage(shared.context, 'task/');
    const note = page.locator('.for-language[data-for-language="typescript"]');
    expect(await note.isVisible()).toBe(false);
    await page.getByRole('radio', { name: 'TypeScript' }).click();
    expect(page.url()).toContain('lang=ts');
    // Prose written for TypeScript appears with it, without a reload.
    expect(await note.isVisible()).toBe(true);
    await page.goto(page.url().replace(/\?.*$/, ''));
    expect(await page.getByRole('radio', { name: 'TypeScript' }).getAttribute('aria-checked')).toBe('true');
    expect(await cellByIndex(page, 1).locator('.cell-code[data-language="typescript"]').isVisible()).toBe(true);
    await page.goto(page.url().replace(/\?.*$/, '') + '?lang=py');
    expect(await cellByIndex(page, 1).locator('.cell-code[data-language="python"]').isVisible()).toBe(true);
  });

  test('re-running the cell that declares Task works, and while (true) {} is stopped', async () => {
    const { page } = await openPage(shared.context, 'task/?lang=ts');
    const first = cellByIndex(page, 1);
    expect(await runCell(first)).not.toContain('Error');
    expect(await runCell(first)).not.toContain('Error');
    const cell = cellByIndex(page, 2);
    await cell.locator('.cell-code[data-language="typescript"]').click();
    await cell.locator('.monaco-editor').waitFor();
    await cell.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('while (true) {}');
    await cell.getByRole('button', { name: 'Run cell' }).click();
    await page.waitForTimeout(500);
    // The page answers while the loop spins in the kernel's worker.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await cell.getByRole('button', { name: 'Stop' }).click();
    await waitUntilIdle(cell, 20_000);
    expect(await outputOf(cell).textContent()).toContain('restarting');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'stopped' }).isVisible()).toBe(true);
  });

  test('the TypeScript editor knows the cells above and shows type errors', async () => {
    const { page, errors } = await openPage(shared.context, 'event-loop/?lang=ts');
    const cell = cellByIndex(page, 3);
    await cell.locator('.cell-code[data-language="typescript"]').click();
    await cell.locator('.monaco-editor').waitFor();
    await cell.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText("const wrong: number = 'text';\nconst loop = new EventLoop();\n");
    // A type error is underlined where it is.
    await expect.poll(() => cell.locator('.squiggly-error').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.keyboard.type('loop.');
    await expect
      .poll(() => page.locator('.suggest-widget .monaco-list-row').allTextContents(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('push_task')]));
    expect(errors).toEqual([]);
  });
});
