import { describe, expect, test } from 'vitest';
import { readChapters } from '../support/chapters.ts';
import { RUN_MS } from './support/limits.ts';
import { hasChromium, useSite } from './support/site.ts';

const pingPong = readChapters().find((chapter) => chapter.slug === 'sleep-ping-pong');

describe.skipIf(!hasChromium || !pingPong)('output streams while a cell runs', () => {
  const site = useSite();

  test('Start ping and Start pong are on screen before End pong arrives', async () => {
    const page = await site.open('sleep-ping-pong/');
    const sources = pingPong!.cells;
    const main = sources.find((source) => source.output?.includes('End pong'));
    expect(main).toBeDefined();
    for (const source of sources) {
      if (source === main) break;
      await page.cell(source.index).run();
    }
    const cell = page.cell(main!.index);
    await cell.clickRun();
    // Both starts must be visible while the cell is still busy and before the first end.
    await page.waitUntilElement(cell.log(), (element) => (element.textContent ?? '').includes('Start pong'), undefined, {
      timeout: RUN_MS,
      message: 'Start pong in the log',
    });
    const early = await cell.logText();
    expect(await cell.busy()).toBe('true');
    expect(early).toContain('Start ping');
    expect(early).not.toContain('End pong');
    await cell.waitUntilIdle();
    expect(await cell.logText()).toMatch(/Start ping\s+Start pong\s+End pong\s+End ping/);
    expect(page.errors()).toEqual([]);
  });
});
