import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHAPTER_DIR, readChapters } from '../support/chapters.ts';
import { hasChromium, useSite } from './support/site.ts';

/** The chapters whose text has the word, as URL paths. */
const chaptersWith = (word: RegExp) =>
  readChapters()
    .filter((chapter) => word.test(readFileSync(join(CHAPTER_DIR, `${chapter.id}.mdx`), 'utf8')))
    .map((chapter) => `/${chapter.slug}/`);

/** The chapters whose built page has the word anywhere (a figure's caption from a component too). */
const pagesWith = (word: RegExp) =>
  readChapters()
    .filter((chapter) => word.test(readFileSync(new URL(`../../dist/${chapter.slug}/index.html`, import.meta.url), 'utf8')))
    .map((chapter) => `/${chapter.slug}/`);

describe.skipIf(!hasChromium)('search', () => {
  const site = useSite();

  test('"waiter" finds the chapters that explain it, and a result opens at its heading', async () => {
    const page = await site.open('');
    await page.find({ role: 'search' }).find({ role: 'searchbox' }).fill('waiter');
    const results = page.find({ role: 'list', name: 'Search results' }).find({ role: 'link' });
    await expect.poll(() => results.count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const hrefs = await results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const chapters = hrefs.map((href) => new URL(href).pathname);
    // Every chapter that explains it is found, and chapters with the word come ahead of any that
    // only has a word like it.
    const explaining = chaptersWith(/\bwaiter/i);
    expect(explaining).toEqual(expect.arrayContaining(['/task/', '/event-loop/', '/sleep-ping-pong/']));
    expect(chapters).toEqual(expect.arrayContaining(explaining));
    const withWord = pagesWith(/\bwaiter/i);
    const firstWithout = chapters.findIndex((path) => !withWord.includes(path));
    if (firstWithout !== -1) expect(chapters.slice(firstWithout).every((path) => !withWord.includes(path))).toBe(true);
    for (const href of hrefs) expect(new URL(href).hash).toMatch(/^#.+/);

    const first = new URL(hrefs[0]!);
    await results.nth(0).click();
    await page.waitForURL((url) => url.pathname === first.pathname && url.hash === first.hash, first.href);
    const target = page.find({ css: `[id="${decodeURIComponent(first.hash.slice(1))}"]` });
    expect(await target.evaluate((element) => /^H[1-6]$/.test(element.tagName))).toBe(true);
    expect(page.errors()).toEqual([]);
  });

  test('a word no chapter has says so', async () => {
    const page = await site.open('task/');
    await page.find({ role: 'search' }).find({ role: 'searchbox' }).fill('xylophonist');
    await expect.poll(() => page.find({ css: '.site-search-status' }).text(), { timeout: 30_000 }).toContain('No results');
  });
});
