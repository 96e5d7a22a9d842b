/** Safety: floods of output keep the page usable, and Stop still works during one. */
import { describe, expect, test } from 'vitest';
import { readChapters } from '../support/chapters.ts';
import { hasChromium, useSite } from './support/site.ts';

const task = readChapters().find((chapter) => chapter.slug === 'task')!;

describe.skipIf(!hasChromium)('safety: a misbehaving cell never breaks the page', () => {
  const site = useSite();

  describe('output floods', () => {
    test('100,000 prints: the page stays usable, the output keeps head and tail', async () => {
      const page = await site.open('task/');
      expect(await page.cell(1).run()).toBe('');
      // An edited cell, to be reset while the flood runs.
      const edited = page.cell(3);
      await edited.replaceCode('print("edited")');
      await expect.poll(() => edited.isModified()).toBe(true);

      const flood = page.cell(2);
      await flood.replaceCode('for i in range(100_000): print(i)');
      await flood.clickRun();
      await page.waitUntilElement(flood.log(), (element) => /\d\n\d/.test(element.textContent ?? ''), undefined, {
        timeout: 60_000,
        message: 'the flood to reach the log',
      });
      const busyDuringChecks = (await flood.busy()) === 'true';
      // The page answers (a script runs and replies) and a click does its work, while lines pour in;
      // the longest task they cause is the bench's figure (flood_longest_task_ms).
      expect(await page.answers()).toBe(true);
      await edited.reset();
      expect(await edited.code()).toBe(task.cells[2]!.code);
      expect(await edited.isModified()).toBe(false);
      // The checks above happened while the flood was still on its way (else they prove little).
      expect(busyDuringChecks).toBe(true);

      await flood.waitUntilIdle();
      const text = await flood.logText();
      expect(text.endsWith('99999\n')).toBe(true);
      expect(text.startsWith('0\n1\n2\n')).toBe(true);
      expect(text).toMatch(/[\d,]+ lines hidden/);
      const lines = text.split('\n').length;
      expect(lines).toBeLessThan(20_000);
      expect(page.errors()).toEqual([]);
    });

    test('a single 10 MB line is shown cut, with the number of characters hidden', async () => {
      const page = await site.open('task/');
      const cell = page.cell(1);
      await cell.replaceCode('print("x" * 10_000_000)\nprint("after")');
      // The run ends and what follows the line is there; how soon is the bench's figure (long_line_ms).
      const text = await cell.run();
      expect(text).toMatch(/x{1000} … \[[\d,]+ characters hidden\]/);
      expect(text).toContain('after');
      expect(text.length).toBeLessThan(100_000);
      expect(await page.answers()).toBe(true);
    });

    test('Stop works during a flood of `while True: print("y")`', async () => {
      const page = await site.open('task/');
      const first = page.cell(1);
      await first.replaceCode('kept = 42');
      expect(await first.run()).toBe('');
      const cell = page.cell(2);
      await cell.replaceCode('while True: print("y")');
      await cell.clickRun();
      await cell.waitUntilRunning();
      // Well into the flood: past the lines the pane keeps, so that it has started hiding some.
      await page.waitUntilElement(cell.log(), (element) => /lines hidden/.test(element.textContent ?? ''), undefined, {
        timeout: 60_000,
        message: 'the flood to fill the log',
      });
      await cell.stop();
      await cell.waitUntilIdle(30_000);
      const text = await cell.logText();
      expect(text).toContain('KeyboardInterrupt');
      expect(text).not.toMatch(/restart/i);
      const third = page.cell(3);
      await third.replaceCode('print(kept)');
      expect(await third.run()).toBe('42\n');
      expect(page.errors()).toEqual([]);
    });
  });
});
