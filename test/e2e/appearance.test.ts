import { describe, expect, test } from 'vitest';
import type { Handle } from './support/driver/driver.ts';
import type { NotebookPage } from './support/notebook-page.ts';
import { hasChromium, openIn, useSite } from './support/site.ts';

/** The background colour of the first element `handle` matches. */
const background = (handle: Handle) => handle.nth(0).evaluate((element) => getComputedStyle(element).backgroundColor);
/** The first static code block on screen. */
const staticCode = (page: NotebookPage) => page.find({ css: '.cell-code', visible: true }).find({ css: 'pre' });
const editorBackground = (page: NotebookPage) => page.find({ css: '.monaco-editor .monaco-editor-background' });
const html = (page: NotebookPage) => page.root();
const DARK = 'rgb(13, 17, 23)';
const WHITE = 'rgb(255, 255, 255)';

describe.skipIf(!hasChromium)('dark mode', () => {
  const site = useSite({ colorScheme: 'dark' });

  test('follows the system: page, static code and editor are dark', async () => {
    const page = await site.open('task/');
    expect(await background(html(page))).toBe(DARK);
    expect(await background(staticCode(page))).toBe(DARK);
    await page.cell(1).openEditor();
    expect(await background(editorBackground(page))).toBe(DARK);
    expect(page.errors()).toEqual([]);
  });

  test('the toggle switches everything, the editor included, and is remembered', async () => {
    const page = await site.open('task/');
    await page.cell(1).openEditor();
    const toggle = page.find({ role: 'button', name: 'Dark mode' });
    expect(await toggle.attribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await toggle.attribute('aria-pressed')).toBe('false');
    expect(await background(html(page))).toBe(WHITE);
    expect(await background(page.find({ css: 'pre.shiki', visible: true }))).toBe(WHITE);
    await expect.poll(() => background(editorBackground(page))).toBe(WHITE);
    await page.goto('');
    expect(await background(html(page))).toBe(WHITE);
    expect(await page.find({ role: 'button', name: 'Dark mode' }).attribute('aria-pressed')).toBe('false');
  });
});

describe.skipIf(!hasChromium)('reading and moving around', () => {
  const site = useSite();

  test('with JavaScript off, no control that cannot work is shown, and one line says why', async () => {
    const page = await openIn(await site.newProfile({ javaScript: false }), 'task/');
    expect(await page.find({ css: 'button, [role="toolbar"], [role="radiogroup"]', visible: true }).count()).toBe(0);
    expect(await page.find({ text: 'The cells run in your browser and need JavaScript' }).isVisible()).toBe(true);
    expect(await staticCode(page).count()).toBeGreaterThan(0);
  });

  test('the header keeps its height while Python loads and never covers the focused element', async () => {
    const page = await site.open('sleep-ping-pong/');
    const header = page.find({ css: '.site-header' });
    const before = (await header.box())!.height;
    await page.evaluate(() => {
      const heights: number[] = [];
      (window as unknown as { heights: number[] }).heights = heights;
      new ResizeObserver(([entry]) => heights.push(entry!.borderBoxSize[0]!.blockSize)).observe(document.querySelector('.site-header')!);
    });
    // Run and wait without reading the log: reading scrolls, and this measures the page as loaded.
    const cell = page.cell(1);
    await cell.clickRun();
    await cell.waitUntilIdle();
    const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
    expect(Math.max(before, ...heights)).toBeCloseTo(before, 0);

    // Backwards from the chapter's end, as a reader looking for a cell's Run button would go.
    await page.find({ css: 'a[rel="next"]' }).focus();
    for (let step = 0; step < 25; step++) {
      await page.press('Shift+Tab');
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
    const page = await site.openChapter('task', { language: 'typescript' });
    await page.find({ css: 'a[rel="next"]' }).click();
    await page.waitForURL((url) => /\/event-loop\/\?lang=ts$/.test(url.href), '/event-loop/?lang=ts');
    expect(await page.language()).toBe('typescript');
    await page.languageRadio('python').click();
    await page.find({ css: 'a[rel="prev"]' }).click();
    await page.waitForURL((url) => /\/task\/\?lang=py$/.test(url.href), '/task/?lang=py');
    expect(await page.language()).toBe('python');
  });

  test('the language switch is a radio group: one tab stop, arrow keys choose', async () => {
    const page = await site.open('task/');
    const python = page.languageRadio('python');
    const typescript = page.languageRadio('typescript');
    const isFocused = (radio: typeof python) => radio.evaluate((element) => element === document.activeElement);
    // The search box comes just before the switch in the header.
    await page.find({ role: 'searchbox', name: 'Search the chapters' }).focus();
    await page.press('Tab');
    expect(await isFocused(python)).toBe(true);
    await page.press('ArrowRight');
    expect(await typescript.attribute('aria-checked')).toBe('true');
    expect(await isFocused(typescript)).toBe(true);
    expect(await page.language()).toBe('typescript');
    // Tab leaves the group for the toolbar; Shift+Tab comes back to the checked radio.
    await page.press('Tab');
    expect(await page.isFocusWithin('[role="toolbar"]')).toBe(true);
    await page.press('Shift+Tab');
    expect(await isFocused(typescript)).toBe(true);
    await page.press('ArrowLeft');
    expect(await python.attribute('aria-checked')).toBe('true');
  });

  test('the notebook controls are a toolbar: one tab stop, arrow keys, Home and End', async () => {
    const page = await site.open('task/');
    const toolbar = page.toolbar();
    const buttons = toolbar.find({ role: 'button' });
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    const names = await buttons.evaluateAll((elements) => elements.map((element) => (element as HTMLElement).innerText.trim()));
    await buttons.nth(0).focus();
    await page.press('ArrowRight');
    expect(await focusedName()).toBe(names[1]);
    await page.press('End');
    expect(await focusedName()).toBe(names.at(-1));
    await page.press('ArrowRight');
    expect(await focusedName()).toBe(names[0]);
    await page.press('Tab');
    expect(await page.isFocusWithin('[role="toolbar"]')).toBe(false);
    // Coming back lands on the button last used, not on each button in turn.
    await page.press('Shift+Tab');
    expect(await focusedName()).toBe(names[0]);
    expect(await toolbar.find({ css: 'button[tabindex="0"]' }).count()).toBe(1);
  });
});
