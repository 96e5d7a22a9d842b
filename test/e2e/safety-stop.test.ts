/**
 * Safety: Stop ends a runaway cell, in place on a cross-origin isolated page (variables kept) and
 * by restarting Python where the host sends no isolation headers (and the page says what was lost).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../bench/server.mjs';
import { hasChromium, openIn, useSite } from './support/site.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

describe.skipIf(!hasChromium)('safety: a misbehaving cell never breaks the page', () => {
  const site = useSite();

  describe('Stop on a cross-origin isolated page', () => {
    test('Stop interrupts `while True: pass` in place: KeyboardInterrupt, state kept, no restart', async () => {
      const page = await site.open('task/');
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      const first = page.cell(1);
      await first.replaceCode('kept = 42');
      expect(await first.run()).toBe('');

      // The loop says when it starts, so that Stop comes while it spins, on its line 2.
      const cell = page.cell(2);
      await cell.replaceCode("counter = 0; print('counting')\nwhile True: counter += 1");
      await cell.clickRun();
      await cell.waitUntilRunning();
      expect(await cell.busy()).toBe('true');
      await cell.waitForOutput('counting');
      await cell.stop();
      await cell.waitUntilIdle(30_000);

      const text = await cell.logText();
      expect(text).toContain('KeyboardInterrupt');
      expect(text).toContain('File "Cell 2", line 2');
      expect(text).not.toContain('restart');
      expect(await cell.button('Stop').isVisible()).toBe(false);
      expect(await page.find({ role: 'alert', hasText: /restarting/ }).count()).toBe(0);
      expect(await page.find({ css: '[data-kernel-notice]' }).isVisible()).toBe(false);

      // Python's state is still there: the earlier cell's variable and the loop's progress.
      const third = page.cell(3);
      await third.replaceCode('print(kept)\nprint(counter > 0)');
      expect(await third.run()).toBe('42\nTrue\n');
      expect(await page.find({ css: '[data-kernel-notice]' }).isVisible()).toBe(false);
      expect(page.errors()).toEqual([]);
    });

    test("Stop interrupts the chapter's own run_forever() blocked in queue.get()", async () => {
      const page = await site.open('event-loop/');
      // Cells 1 and 2 define Task and EventLoop.
      expect(await page.cell(1).run()).toBe('');
      expect(await page.cell(2).run()).toBe('');
      const third = page.cell(3);
      await third.replaceCode('before = "still here"');
      expect(await third.run()).toBe('');

      // It says so just before it blocks, so that Stop comes while it waits.
      const cell = page.cell(4);
      await cell.replaceCode("loop = EventLoop(); print('waiting for tasks')\nloop.run_forever()");
      await cell.clickRun();
      await cell.waitUntilRunning();
      await cell.waitForOutput('waiting for tasks');
      expect(await cell.busy()).toBe('true');
      await cell.stop();
      await cell.waitUntilIdle(30_000);

      const text = await cell.logText();
      expect(text).toContain('KeyboardInterrupt');
      expect(text).toContain('run_forever');
      expect(await page.find({ css: '[data-kernel-notice]' }).isVisible()).toBe(false);
      await third.replaceCode('print(before)\nprint(type(loop).__name__)');
      expect(await third.run()).toBe('still here\nEventLoop\n');
      expect(page.errors()).toEqual([]);
    });

    // asyncio's Task re-raises KeyboardInterrupt and SystemExit out of its step into the event
    // loop as well as into the cell; the runner carries them out as values so that a Stop never
    // leaves an uncaught error in the reader's console.
    test('a Stop, `raise KeyboardInterrupt` or `sys.exit()` leaves no uncaught error in the console', async () => {
      const page = await site.open('task/');
      const first = page.cell(1);
      await first.replaceCode('raise KeyboardInterrupt');
      await first.run();
      await first.replaceCode('import sys; sys.exit()');
      await first.run();
      const cell = page.cell(2);
      await cell.replaceCode('while True: pass');
      await cell.clickRun();
      await cell.waitUntilRunning();
      await cell.stop();
      await cell.waitUntilIdle(30_000);
      // One more run through the same kernel: whatever the Stop left to report has arrived before its output.
      const third = page.cell(3);
      await third.replaceCode("print('still answering')");
      expect(await third.run()).toBe('still answering\n');
      expect(page.errors()).toEqual([]);
    });
  });

  describe('Stop on a host without isolation headers', () => {
    let server: { url: string; close(): Promise<void> };
    beforeAll(async () => {
      server = await startServer({ mounts: [{ prefix: '/', root: `${ROOT}dist` }], isolate: false });
    });
    afterAll(async () => server?.close());

    test('Stop restarts Python, says the variables are gone, and offers to run the cells above again', async () => {
      // The site's own service worker would add the headers after one reload; this plays a host without it.
      const page = await openIn(await site.newProfile({ serviceWorkers: 'block' }), `${server.url}/task/`);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);

      // Cell 1 defines Task.
      expect(await page.cell(1).run()).toBe('');
      // The loop says when it starts, so that Stop comes while it spins.
      const cell = page.cell(2);
      await cell.replaceCode("print('spinning')\nwhile True: pass");
      await cell.clickRun();
      await cell.waitUntilRunning();
      await cell.waitForOutput('spinning');
      await cell.stop();
      await cell.waitUntilIdle(30_000);
      expect(await cell.logText()).toMatch(/stopped by restarting/);

      const notice = page.find({ role: 'alert', hasText: /stopped by restarting/ });
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect(await notice.text()).toContain('Cell 2 was stopped');
      expect(await notice.text()).toContain('Variables defined by earlier cells are gone');
      const rerun = notice.find({ role: 'button', name: 'Run cell 1 again' });
      expect(await rerun.isVisible()).toBe(true);

      // The state is really gone.
      const third = page.cell(3);
      await third.replaceCode('print(Task.__name__)');
      expect(await third.run()).toContain("NameError: name 'Task' is not defined");

      // The notice's button brings the definitions back.
      await rerun.click();
      expect(await notice.isVisible()).toBe(false);
      await page.cell(1).waitUntilIdle();
      expect(await third.run()).toBe('Task\n');
    });
  });
});
