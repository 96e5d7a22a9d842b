import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cellByIndex, hasChromium, openPage, pageURL, useBrowser, waitUntilIdle } from './support/browser.ts';
import { openEditor } from './support/editor.ts';

const background = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((element) => getComputedStyle(element).backgroundColor);
const DARK = 'rgb(13, 17, 23)';
const WHITE = 'rgb(255, 255, 255)';

describe.skipIf(!hasChromium)('dark mode', () => {
  const shared = useBrowser({ colorScheme: 'dark' });

  test('follows the system: page, static code and editor are dark', async () => {
    const { page, errors } = await openPage(shared.context, 'task/');
    expect(await background(page, 'html')).toBe(DARK);
    expect(await background(page, '.cell-code:visible pre')).toBe(DARK);
    await openEditor(page, 1);
    expect(await background(page, '.monaco-editor .monaco-editor-background')).toBe(DARK);
    expect(errors).toEqual([]);
  });

  test('the toggle switches everything, the editor included, and is remembered', async () => {
    const { page } = await openPage(shared.context, 'task/');
    await openEditor(page, 1);
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await background(page, 'html')).toBe(WHITE);
    expect(await background(page, 'pre.shiki:visible')).toBe(WHITE);
    await expect.poll(() => background(page, '.monaco-editor .monaco-editor-background')).toBe(WHITE);
    await page.goto(pageURL(''));
    expect(await background(page, 'html')).toBe(WHITE);
    expect(await page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed')).toBe('false');
  });
});

describe.skipIf(!hasChromium)('reading and moving around', () => {
  const shared = useBrowser();

  test('with JavaScript off, no control that cannot work is shown, and one line says why', async () => {
    const noScript = await shared.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await noScript.newPage();
      await page.goto(pageURL('task/'));
      expect(await page.locator('button:visible, [role="toolbar"]:visible, [role="radiogroup"]:visible').count()).toBe(0);
      expect(await page.getByText('The cells run in your browser and need JavaScript').isVisible()).toBe(true);
      expect(await page.locator('.cell-code:visible pre').count()).toBeGreaterThan(0);
    } finally {
      await noScript.close();
    }
  });

  test('the header keeps its height while Python loads and never covers the focused element', async () => {
    const { page } = await openPage(shared.context, 'sleep-ping-pong/');
    const header = page.locator('.site-header');
    const before = (await header.boundingBox())!.height;
    await page.evaluate(() => {
      const heights: number[] = [];
      (window as unknown as { heights: number[] }).heights = heights;
      new ResizeObserver(([entry]) => heights.push(entry!.borderBoxSize[0]!.blockSize)).observe(document.querySelector('.site-header')!);
    });
    const cell = cellByIndex(page, 1);
    await cell.getByRole('button', { name: 'Run cell' }).click();
    await waitUntilIdle(cell);
    const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
    expect(Math.max(before, ...heights)).toBeCloseTo(before, 0);

    // Backwards from the chapter's end, as a reader looking for a cell's Run button would go.
    await page.locator('a[rel="next"]').focus();
    for (let step = 0; step < 25; step++) {
      await page.keyboard.press('Shift+Tab');
      const covered = await page.evaluate(() => {
        const focused = document.activeElement as HTMLElement | null;
        if (!focused || focused === document.body || focused.closest('.site-header')) return false;
        const bar = document.querySelector('.site-header')!.getBoundingClientRect();
        return focused.getBoundingClientRect().top < bar.bottom - 1;
      });
      expect(covered, `step ${step}: ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`).toBe(false);
    }
  });

  test('the language a link chose survives Next and Previous', async () => {
    const { page } = await openPage(shared.context, 'task/?lang=ts');
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/event-loop\/\?lang=ts$/);
    expect(await page.evaluate(() => document.documentElement.dataset['language'])).toBe('typescript');
    await page.getByRole('radio', { name: 'Python' }).click();
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(/\/task\/\?lang=py$/);
    expect(await page.evaluate(() => document.documentElement.dataset['language'])).toBe('python');
  });

  test('the language switch is a radio group: one tab stop, arrow keys choose', async () => {
    const { page } = await openPage(shared.context, 'task/');
    const python = page.getByRole('radio', { name: 'Python' });
    const typescript = page.getByRole('radio', { name: 'TypeScript' });
    // The search box comes just before the switch in the header.
    await page.getByRole('searchbox', { name: 'Search the chapters' }).focus();
    await page.keyboard.press('Tab');
    expect(await python.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await typescript.getAttribute('aria-checked')).toBe('true');
    expect(await typescript.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset['language'])).toBe('typescript');
    // Tab leaves the group for the toolbar; Shift+Tab comes back to the checked radio.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="toolbar"]') !== null)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await typescript.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await python.getAttribute('aria-checked')).toBe('true');
  });

  test('the notebook controls are a toolbar: one tab stop, arrow keys, Home and End', async () => {
    const { page } = await openPage(shared.context, 'task/');
    const toolbar = page.getByRole('toolbar', { name: 'Notebook' });
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    const names = (await toolbar.getByRole('button').allInnerTexts()).map((name) => name.trim());
    await toolbar.getByRole('button').first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await focusedName()).toBe(names[1]);
    await page.keyboard.press('End');
    expect(await focusedName()).toBe(names.at(-1));
    await page.keyboard.press('ArrowRight');
    expect(await focusedName()).toBe(names[0]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="toolbar"]') === null)).toBe(true);
    // Coming back lands on the button last used, not on each button in turn.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName()).toBe(names[0]);
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
  });
});
