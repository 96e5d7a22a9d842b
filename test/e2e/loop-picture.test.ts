import { describe, expect, test } from 'vitest';
import { storedCells } from '../../src/loop-view/stored-trace.ts';
import { TAKE_TURNS, TAKE_TURNS_STORED } from '../support/loop-trace-cases.ts';
import { axeViolationsInBothSchemes } from './support/axe.ts';
import { cellByIndex, hasChromium, openPage, runCell, useBrowser } from './support/browser.ts';
import { pasteCode } from './support/editor.ts';
import { loopViewOf } from './support/loop-view.ts';

/** Chapter 1's first loop as a reader might edit it: a third generator in the queue. */
const THIRD_WORKER = `from collections import deque

def worker(name, steps):
    for i in range(1, steps + 1):
        print(f'{name}: step {i}')
        yield

queue = deque([worker('A', 2), worker('B', 3), worker('C', 1)])
while queue:
    gen = queue.popleft()
    try:
        next(gen)
    except StopIteration:
        continue
    queue.append(gen)
`;

describe.skipIf(!hasChromium)("chapter 1's picture of the loop", () => {
  const shared = useBrowser();

  test("chapter 1's picture steps through the real run of its first loop, then follows the reader's own", async () => {
    const { page, errors } = await openPage(shared.context, 'what-is-an-event-loop/');
    const picture = page.locator('nb-loop-picture');
    const turns = picture.getByRole('group', { name: 'Turns of the loop in the picture' });
    const status = turns.getByRole('status');
    const boxes = () => picture.locator('.eld-queue text').allTextContents();
    expect(await boxes()).toEqual(['task A', 'task B', 'task C', 'task D']);
    expect(await status.textContent()).toMatch(/^Turn 0: the picture as drawn by hand\./);
    await turns.getByRole('button', { name: 'Next turn' }).click();
    expect(await status.textContent()).toBe('A real run, turn 1 of 7: worker#1 ran, printed "A: step 1", yielded; queue after: worker#2, worker#1.');
    expect(await boxes()).toEqual(TAKE_TURNS[0]![3]);
    expect(await picture.locator('.eld-running').textContent()).toBe('ran worker#1');
    // Its description, which a screen reader reads for the image, is the same turn.
    expect(await picture.locator('svg desc').textContent()).toContain('Step 1 of 7: worker#1 ran');
    for (let turn = 2; turn <= 7; turn++) await turns.getByRole('button', { name: 'Next turn' }).click();
    expect(await boxes()).toEqual(['empty']);
    expect(await turns.getByRole('button', { name: 'Next turn' }).getAttribute('aria-disabled')).toBe('true');

    // The loop itself, cell 5: its view records the same turns, and the picture follows the view.
    const cell = cellByIndex(page, 5);
    const view = loopViewOf(cell);
    await turns.getByRole('link', { name: 'Open the loop view of that cell' }).click();
    await view.region.waitFor();
    await runCell(cell);
    expect(await view.rows()).toEqual(TAKE_TURNS_STORED.map(storedCells));
    await view.button('First step').click();
    await view.at(1);
    await expect.poll(() => status.textContent()).toBe('Your run, turn 1 of 7: worker#1 ran, printed "A: step 1", yielded; queue after: worker#2, worker#1.');
    expect(await view.region.locator('.loop-line').textContent()).toBe('Cell 5, line 6: yield  # hand control back to whoever called next()');

    // An edit with a third generator: the picture's queue is the edited loop's.
    await pasteCode(cell, THIRD_WORKER);
    await runCell(cell);
    await view.button('First step').click();
    await expect.poll(boxes).toEqual(['worker#2', 'worker#3', 'worker#1']);
    expect(await axeViolationsInBothSchemes(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("in TypeScript, chapter 1's first loop shows the same turns", async () => {
    const { page, errors } = await openPage(shared.context, 'what-is-an-event-loop/?lang=ts');
    const cell = cellByIndex(page, 5);
    const view = loopViewOf(cell);
    await view.open();
    await runCell(cell);
    expect(await view.rows()).toEqual(TAKE_TURNS_STORED.map(storedCells));
    await view.button('First step').click();
    await expect.poll(() => view.region.locator('.loop-line').textContent()).toBe('Cell 5, line 4: yield; // hand control back to whoever called next()');
    expect(errors).toEqual([]);
  });
});
