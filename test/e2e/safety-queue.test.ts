/** Safety: the page's controls and the run queue, and input(), which cannot wait for typing. */
import { describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { RUN_MS } from './support/limits.ts';
import { hasChromium, useSite } from './support/site.ts';

const pingPong = readChapters().find((chapter) => chapter.slug === 'sleep-ping-pong')!;

describe.skipIf(!hasChromium)('safety: a misbehaving cell never breaks the page', () => {
  const site = useSite();

  describe('page controls and the run queue', () => {
    test('Run all reproduces every stored output; Clear outputs empties the logs; Restart forgets', async () => {
      const page = await site.open('sleep-ping-pong/');
      await page.runAll();
      await page.waitUntil(
        () =>
          page.evaluate(
            (count) => [...document.querySelectorAll('nb-cell')].filter((cell) => cell.getAttribute('aria-busy') === 'false').length === count,
            pingPong.cells.length,
          ),
        { timeout: RUN_MS, message: 'every cell to have run' },
      );
      for (const source of pingPong.cells) {
        const cell = page.cell(source.index);
        expect(normalizeOutputText(await cell.logText()), `cell ${source.index}`).toBe(normalizeOutputText(source.output ?? ''));
        expect(await cell.count()).toBe(`[${source.index}]`);
      }

      await page.clearOutputs();
      for (const source of pingPong.cells) {
        const cell = page.cell(source.index);
        expect(await cell.logText(), `cell ${source.index}`).toBe('');
        expect((await cell.count()).trim()).toBe('[ ]');
      }

      await page.restart();
      // Cell 4 uses EventLoop, which cell 1 defined before the restart.
      const main = pingPong.cells.find((source) => source.output?.includes('End ping'))!;
      expect(main.code).toContain('EventLoop()');
      const text = await page.cell(main.index).run();
      expect(text).toContain("NameError: name 'EventLoop' is not defined");
      expect(await page.cell(main.index).count()).toBe('[1]');
      expect(page.errors()).toEqual([]);
    });

    test('Stop on a waiting cell takes it out of the queue: it ends "not run" and never runs', async () => {
      const page = await site.open('task/');
      const first = page.cell(1);
      const second = page.cell(2);
      await first.replaceCode('import time\nend = time.time() + 4\nwhile time.time() < end: pass');
      await second.replaceCode('second = True\nprint("second ran")');
      const storedSecond = await second.logText();
      await first.clickRun();
      await second.clickRun();
      expect(await second.state()).toBe('waiting');
      expect(await second.busy()).toBe('true');
      await second.stop();

      expect(await second.busy()).toBe('false');
      expect(await second.state()).toBe('not run');
      expect(await second.button('Stop').isVisible()).toBe(false);
      // The first goes on to its end.
      expect(await first.busy()).toBe('true');
      await first.waitUntilIdle();
      expect(await first.count()).toBe('[1]');
      // A run after it went through the same queue: had the second been sent, it would have run before.
      const third = page.cell(3);
      await third.replaceCode("print('second' in globals())");
      expect(await third.run()).toBe('False\n');
      expect(await second.logText()).toBe(storedSecond);
      expect(await second.logText()).not.toContain('second ran');
      expect((await second.count()).trim()).toBe('[ ]');
    });

    test('input() fails at once with a reason, and the next cell still runs', async () => {
      const page = await site.open('task/');
      expect(await page.cell(1).run()).toBe(''); // Python is up: what follows waits for input() alone.
      const cell = page.cell(2);
      await cell.replaceCode('name = input("name? ")\nprint("after input")');
      // A hang would never end: the run must end, with the reason, well within the wait's limit.
      // How soon is the bench's figure (input_error_ms).
      const text = await cell.run(10_000);
      expect(text).toContain('input()');
      expect(text).toContain('RuntimeError');
      expect(text).not.toContain('after input');
      const third = page.cell(3);
      await third.replaceCode('print("next cell ran")');
      expect(await third.run()).toBe('next cell ran\n');
    });
  });
});
