import { describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import type { NotebookPage } from './support/notebook-page.ts';
import { hasChromium, useSite } from './support/site.ts';

const task = readChapters().find((chapter) => chapter.slug === 'task')!;

/** Every Content-Security-Policy violation the page reported, from before its first script (see the init script below). */
const violations = (page: NotebookPage) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe.skipIf(!hasChromium)('Content-Security-Policy', () => {
  const site = useSite();

  test('every page carries a policy that refuses inline scripts it did not ship', async () => {
    for (const path of ['', 'task/']) {
      const page = await site.open(path);
      const policy = await page.find({ css: 'meta[http-equiv="Content-Security-Policy"]' }).attribute('content');
      expect(policy).toMatch(/script-src 'self'/);
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const outcome = await page.evaluate(
        () =>
          new Promise<{ ran: boolean; directive: string }>((resolve) => {
            document.addEventListener('securitypolicyviolation', (event) => {
              const ran = (window as unknown as { injected?: boolean }).injected === true;
              resolve({ ran, directive: event.effectiveDirective });
            });
            const script = document.createElement('script');
            script.textContent = 'window.injected = true;';
            document.body.append(script);
          }),
      );
      expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
      await page.close();
    }
  });

  test('cells run in both languages, rich output renders in its sandbox, and nothing the site needs is refused', async () => {
    await site.profile.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const page = await site.open('task/');
    const cell = page.cell(1);
    expect(normalizeOutputText(await cell.run())).toBe(normalizeOutputText(task.cells[0]!.output ?? ''));

    // Rich output: markup from a cell, in a sandboxed frame (it inherits the page's policy).
    await cell.replaceCode('import notebook_display\nnotebook_display.html("<p style=\\"color: green\\">rich</p>")');
    await cell.run();
    const frame = cell.log().find({ css: 'iframe' });
    await expect.poll(() => frame.count()).toBe(1);
    const body = frame.frame().find({ css: 'p' });
    expect(await body.text()).toBe('rich');
    expect(await body.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(0, 128, 0)');

    // The TypeScript kernel evaluates cells in its worker, which the page's policy does not govern.
    await page.switchLanguage('typescript');
    for (const source of task.cells.slice(0, 2)) {
      const shown = await page.cell(source.index).run();
      expect(normalizeOutputText(shown)).toBe(normalizeOutputText(source.twin?.output ?? ''));
    }
    expect(await violations(page)).toEqual([]);
    expect(page.uncaughtErrors()).toEqual([]);
  });
});
