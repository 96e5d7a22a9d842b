import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { cellByIndex, hasChromium, openPage, outputOf, pageURL, runCell, useBrowser } from './support/browser.ts';

const task = readChapters().find((chapter) => chapter.slug === 'task')!;

/** Collects every Content-Security-Policy violation the page reports, from before its first script. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

describe.skipIf(!hasChromium)('Content-Security-Policy', () => {
  const shared = useBrowser();

  test('every page carries a policy that refuses inline scripts it did not ship', async () => {
    for (const path of ['', 'task/']) {
      const { page } = await openPage(shared.context, path);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
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
    const page = await shared.context.newPage();
    const violations = await watchViolations(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(pageURL('task/'));
    const cell = cellByIndex(page, 1);
    expect(normalizeOutputText(await runCell(cell))).toBe(normalizeOutputText(task.cells[0]!.output ?? ''));

    // Rich output: markup from a cell, in a sandboxed frame (it inherits the page's policy).
    await cell.locator('.cell-code:visible').click();
    await cell.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    await cell.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('import notebook_display\nnotebook_display.html("<p style=\\"color: green\\">rich</p>")');
    await runCell(cell);
    const frame = outputOf(cell).locator('iframe');
    await expect.poll(() => frame.count()).toBe(1);
    const body = frame.contentFrame().locator('p');
    expect(await body.textContent()).toBe('rich');
    expect(await body.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(0, 128, 0)');

    // The TypeScript kernel evaluates cells in its worker, which the page's policy does not govern.
    await page.getByRole('radio', { name: 'TypeScript' }).click();
    for (const source of task.cells.slice(0, 2)) {
      const shown = await runCell(cellByIndex(page, source.index));
      expect(normalizeOutputText(shown)).toBe(normalizeOutputText(source.twin?.output ?? ''));
    }
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
