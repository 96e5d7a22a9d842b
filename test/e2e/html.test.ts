import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { hasChromium } from './support/site.ts';

const DIST = new URL('../../dist', import.meta.url).pathname;

function builtPages(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pyodide' || entry.name === '_astro' ? [] : builtPages(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

// The global setup builds dist/ and needs Chromium to do so.
describe.skipIf(!hasChromium)('the built pages', () => {
  const pages = builtPages();

  test('are valid HTML, with no structural errors', async () => {
    // Raw ">" in text is valid HTML (shiki writes `=>` and `>>>` that way); every other standard rule holds.
    const validator = new HtmlValidate({ extends: ['html-validate:standard'], rules: { 'no-raw-characters': 'off' } });
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(page);
      for (const result of report.results) {
        for (const message of result.messages) problems.push(`${relative(DIST, page)}:${message.line}: ${message.ruleId}: ${message.message}`);
      }
    }
    expect(pages.length).toBeGreaterThan(2);
    expect(problems).toEqual([]);
  });

  test('include a 404 page, and every page has a touch icon and Open Graph tags', () => {
    expect(pages.map((page) => relative(DIST, page))).toContain('404.html');
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      expect(html, page).toMatch(/<link rel="apple-touch-icon" href="[^"]*apple-touch-icon\.png"/);
      for (const property of ['og:title', 'og:description', 'og:type', 'og:site_name']) {
        expect(html, `${page} ${property}`).toMatch(new RegExp(`<meta property="${property}" content="[^"]+"`));
      }
    }
    expect(readFileSync(join(DIST, 'apple-touch-icon.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
