import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readChapters } from '../support/chapters.ts';
import { cellByIndex, hasChromium, launchBrowser, openPage, outputOf, runCell, waitUntilIdle } from './support/browser.ts';

const pingPong = readChapters().find((chapter) => chapter.slug === 'sleep-ping-pong');

describe.skipIf(!hasChromium || !pingPong)('output streams while a cell runs', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  test('Start ping and Start pong are on screen before End pong arrives', async () => {
    const { page, errors } = await openPage(await browser.newContext(), 'sleep-ping-pong/');
    const cells = pingPong!.cells;
    const main = cells.find((cell) => cell.output?.includes('End pong'));
    expect(main).toBeDefined();
    for (const cell of cells) {
      if (cell === main) break;
      await runCell(cellByIndex(page, cell.index));
    }
    const region = cellByIndex(page, main!.index);
    await region.getByRole('button', { name: 'Run cell' }).click();
    const output = outputOf(region);
    // Both starts must be visible while the cell is still busy and before the first end.
    await page.waitForFunction(
      (element) => (element?.textContent ?? '').includes('Start pong'),
      await output.elementHandle(),
      { timeout: 120_000, polling: 'raf' },
    );
    const early = await output.textContent() ?? '';
    expect(await region.getAttribute('aria-busy')).toBe('true');
    expect(early).toContain('Start ping');
    expect(early).not.toContain('End pong');
    await waitUntilIdle(region);
    expect(await output.textContent() ?? '').toMatch(/Start ping\s+Start pong\s+End pong\s+End ping/);
    expect(errors).toEqual([]);
  });
});
