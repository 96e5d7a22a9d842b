/** Safety: a shared link runs nothing by itself, and a full localStorage loses no edit. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { playwrightPageOf } from './support/playwright-escape-hatch.ts';
import { hasChromium, useSite } from './support/site.ts';

const chapter = (slug: string) => readChapters().find((candidate) => candidate.slug === slug)!;

describe.skipIf(!hasChromium)('safety: a misbehaving cell never breaks the page', () => {
  const site = useSite();

  describe('shared links and storage', () => {
    test('a shared link shows its code "from a link" and runs nothing until Run', async () => {
      const source = chapter('what-is-an-event-loop');
      const first = source.cells[0]!;
      expect(first.output).toBeDefined();
      const code = 'print("from the link: ünïcödé 🐍")';
      const page = await site.openChapter(source.slug, { share: { cellId: first.id, code } });
      const cell = page.cell(1);
      expect(await cell.codeView().text()).toContain(code);
      expect(await cell.isFromLink()).toBe(true);
      expect(await cell.isModified()).toBe(true);
      // Other cells keep their own code.
      expect(await page.cell(2).codeView().text()).toContain(source.cells[1]!.code.split('\n')[0]);

      // Once the page has done what it does on load and is idle, nothing has started.
      await page.idle();
      expect(await page.kernelState()).toBe('not-started');
      expect(await page.kernelStatus().text()).toContain('not started');
      expect(normalizeOutputText(await cell.logText())).toBe(normalizeOutputText(first.output!));
      expect((await cell.count()).trim()).toBe('[ ]');
      expect(await cell.busy()).toBeNull();
      // Code from a link is not kept until the reader edits it.
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes(':edit:')))).toEqual([]);

      expect(await cell.run()).toBe('from the link: ünïcödé 🐍\n');
      expect(await cell.count()).toBe('[1]');
    });

    test('when localStorage is full, an edit shows a notice with a download of the code; the edit stays', async () => {
      const page = await site.open('task/');
      const filled = await page.evaluate(() => {
        let written = 0;
        let n = 0;
        for (let size = 1 << 20; size >= 1; size = Math.floor(size / 4)) {
          const chunk = 'f'.repeat(size);
          for (;;) {
            try {
              localStorage.setItem(`test-filler-${n++}`, chunk);
              written += size;
            } catch (error) {
              if (!(error instanceof DOMException && error.name === 'QuotaExceededError')) throw error;
              break;
            }
          }
        }
        return written;
      });
      expect(filled).toBeGreaterThan(1_000_000);

      const cell = page.cell(1);
      const code = 'edited_while_full = "this edit is not saved"\nprint(edited_while_full)';
      await cell.replaceCode(code);
      const notice = page.find({ role: 'alert', hasText: 'storage is full' });
      await expect.poll(() => notice.isVisible(), { timeout: 5_000 }).toBe(true);
      const link = notice.find({ role: 'link', name: "Download this chapter's code" });
      expect(await link.attribute('download')).toMatch(/\.py$/);
      // Downloads: Playwright only.
      const [download] = await Promise.all([playwrightPageOf(page).waitForEvent('download'), link.click()]);
      const saved = readFileSync(await download.path(), 'utf8');
      expect(saved).toContain(`# Cell 1\n${code}\n`);
      expect(saved).toContain('# Cell 2\n');

      // The edit is still in the editor, and still runs.
      expect(await cell.code()).toBe(code);
      expect(await cell.editorText()).toContain('edited_while_full = "this edit is not saved"');
      expect(await cell.run()).toBe('this edit is not saved\n');
    });
  });
});
