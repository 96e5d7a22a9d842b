import { describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { hasChromium, openIn, useSite } from './support/site.ts';

const chapters = readChapters();
const pingPong = chapters.find((chapter) => chapter.slug === 'sleep-ping-pong')!;

describe.skipIf(!hasChromium)('the notebook page', () => {
  const site = useSite();

  test('the home page lists every chapter, and chapters link to each other', async () => {
    const page = await site.open('');
    const links = page.find({ css: '.chapter-list a' });
    expect(await links.count()).toBe(chapters.length);
    await links.nth(1).click();
    await page.waitForURL((url) => /\/task\/$/.test(url.href), '/task/');
    expect(await page.find({ role: 'navigation', name: 'On this page' }).find({ role: 'link' }).count()).toBeGreaterThan(0);
    // The chapter links carry the language on screen (see appearance.test.ts).
    await page.find({ css: 'a[rel="next"]' }).click();
    await page.waitForURL((url) => /\/event-loop\/\?lang=py$/.test(url.href), '/event-loop/?lang=py');
    await page.find({ css: 'a[rel="prev"]' }).click();
    await page.waitForURL((url) => /\/task\/\?lang=py$/.test(url.href), '/task/?lang=py');
    expect(page.errors()).toEqual([]);
  });

  test('every cell meets the accessibility contract', async () => {
    const page = await site.openChapter(pingPong.slug);
    expect(await page.find({ role: 'region', name: /^Cell \d+/ }).count()).toBe(pingPong.cells.length);
    for (const source of pingPong.cells) {
      const cell = page.cell(source.index);
      expect(await cell.root.find({ role: 'button', name: 'Run cell' }).count()).toBe(1);
      expect(await cell.root.find({ role: 'button', name: 'Reset cell' }).count()).toBe(1);
      expect(await cell.log().count()).toBe(1);
      // The log holds the output alone: the count and the time sit outside it.
      expect(normalizeOutputText(await cell.logText())).toBe(normalizeOutputText(source.output ?? ''));
    }
  });

  test('with JavaScript off, the code is highlighted and the stored output is there', async () => {
    const page = await openIn(await site.newProfile({ javaScript: false }), `${pingPong.slug}/`);
    const main = pingPong.cells.find((source) => source.output?.includes('End ping'))!;
    const cell = page.cell(main.index);
    const code = cell.root.find({ css: '.cell-code[data-language="python"] pre.shiki' });
    expect(await code.renderedText()).toContain(main.code.split('\n')[0]!);
    const colours = await code.find({ css: 'span[style*="color"]' }).evaluateAll((spans) => new Set(spans.map((span) => span.getAttribute('style'))).size);
    expect(colours).toBeGreaterThanOrEqual(2);
    // Read without scrolling, which would need the page's JavaScript.
    expect(await cell.log().text()).toContain('End ping');
  });

  test('runs queue in order; a waiting cell says so; the kernel status follows', async () => {
    const page = await site.openChapter(pingPong.slug);
    expect(await page.kernelStatus().renderedText()).toContain('not started');
    const main = pingPong.cells.findIndex((source) => source.output?.includes('End ping'));
    const sources = pingPong.cells.slice(0, main + 1);
    for (const source of sources) await page.cell(source.index).clickRun();
    const last = page.cell(sources[sources.length - 1]!.index);
    expect(await last.busy()).toBe('true');
    expect(await last.state()).toBe('waiting');
    await expect.poll(() => page.kernelState()).toMatch(/starting|busy/);
    await last.waitUntilIdle();
    for (const source of sources) {
      const cell = page.cell(source.index);
      expect(await cell.busy()).toBe('false');
      expect(normalizeOutputText(await cell.logText())).toBe(normalizeOutputText(source.output ?? ''));
    }
    // Execution counts follow the order of the runs, as in Jupyter.
    const counts = await Promise.all(sources.map((source) => page.cell(source.index).count()));
    expect(counts).toEqual(sources.map((_, i) => `[${i + 1}]`));
    await expect.poll(() => page.kernelState()).toBe('idle');
    expect(await page.kernelStatus().renderedText()).toContain('idle');
    expect(page.errors()).toEqual([]);
  });
});
