import { beforeEach, describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { hasChromium, useSite } from './support/site.ts';

const task = readChapters().find((chapter) => chapter.slug === 'task')!;

describe.skipIf(!hasChromium)('messages from a kernel worker', () => {
  const site = useSite();
  beforeEach(async () => {
    // Keep a handle on the workers the page creates, to speak to the page as a broken worker would.
    await site.profile.addInitScript(() => {
      const NativeWorker = window.Worker;
      const created: Worker[] = [];
      (window as unknown as { __workers: Worker[] }).__workers = created;
      window.Worker = class extends NativeWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          created.push(this);
        }
      };
    });
  });

  test('malformed and stale messages are ignored: nothing thrown, no output changed', async () => {
    const page = await site.open('task/');
    const first = page.cell(1);
    const expected = normalizeOutputText(task.cells[0]!.output ?? '');
    expect(normalizeOutputText(await first.run())).toBe(expected);
    // Run again: the first run (id 1) is let go, so its messages belong to nobody now.
    expect(normalizeOutputText(await first.run())).toBe(expected);

    const warningsBefore = page.warnings().length;
    await page.evaluate(() => {
      const worker = (window as unknown as { __workers: Worker[] }).__workers[0]!;
      const junk: unknown[] = [
        null,
        42,
        'ready',
        [],
        { type: 'output' },
        { type: 'output', runId: -1, output: { output_type: 'stream', name: 'stdout', text: 'x' } },
        { type: 'output', runId: 1, output: { output_type: 'stream', name: 'stdin', text: 'x' } },
        { type: 'done', runId: 1, status: 'maybe' },
        { type: 'progress', stage: 1, step: 'a', steps: 3 },
        { type: 'fatal' },
        { __proto__: { type: 'ready', version: '1' } },
      ];
      for (const data of junk) worker.dispatchEvent(new MessageEvent('message', { data }));
      // Well-formed, but for a run its cell has let go (replaced by the next run).
      worker.dispatchEvent(
        new MessageEvent('message', {
          data: { type: 'output', runId: 1, output: { output_type: 'stream', name: 'stdout', text: 'STALE OUTPUT\n' } },
        }),
      );
      worker.dispatchEvent(new MessageEvent('message', { data: { type: 'done', runId: 1, status: 'error' } }));
    });
    const malformed = () => page.warnings().slice(warningsBefore).filter((text) => text.includes('malformed')).length;
    await expect.poll(malformed).toBeGreaterThanOrEqual(10);
    expect(normalizeOutputText(await first.logText())).toBe(expected);
    expect(await page.kernelState()).toBe('idle');
    // The kernel still works.
    expect(normalizeOutputText(await first.run())).toBe(expected);
    expect(page.errors()).toEqual([]);
  });
});
