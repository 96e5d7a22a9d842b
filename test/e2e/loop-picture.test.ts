import { describe, expect, test } from 'vitest';
import { storedCells } from '../../src/loop-view/stored-trace.ts';
import { TAKE_TURNS, TAKE_TURNS_STORED } from '../support/loop-trace-cases.ts';
import { axeViolationsInBothSchemes } from './support/axe.ts';
import { hasChromium, useSite } from './support/site.ts';

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
  const site = useSite();

  test("chapter 1's picture steps through the real run of its first loop, then follows the reader's own", async () => {
    const page = await site.open('what-is-an-event-loop/');
    const picture = page.find({ css: 'nb-loop-picture' });
    const turns = picture.find({ role: 'group', name: 'Turns of the loop in the picture' });
    const status = turns.find({ role: 'status' });
    const nextTurn = turns.find({ role: 'button', name: 'Next turn' });
    const boxes = () => picture.find({ css: '.eld-queue text' }).texts();
    expect(await boxes()).toEqual(['task A', 'task B', 'task C', 'task D']);
    expect(await status.text()).toMatch(/^Turn 0: the picture as drawn by hand\./);
    await nextTurn.click();
    expect(await status.text()).toBe('A real run, turn 1 of 7: worker#1 ran, printed "A: step 1", yielded; queue after: worker#2, worker#1.');
    expect(await boxes()).toEqual(TAKE_TURNS[0]![3]);
    expect(await picture.find({ css: '.eld-running' }).text()).toBe('ran worker#1');
    // Its description, which a screen reader reads for the image, is the same turn.
    expect(await picture.find({ css: 'svg desc' }).text()).toContain('Step 1 of 7: worker#1 ran');
    for (let turn = 2; turn <= 7; turn++) await nextTurn.click();
    expect(await boxes()).toEqual(['empty']);
    expect(await nextTurn.attribute('aria-disabled')).toBe('true');

    // The loop itself, cell 5: its view records the same turns, and the picture follows the view.
    const cell = page.cell(5);
    const view = cell.loopView();
    await turns.find({ role: 'link', name: 'Open the loop view of that cell' }).click();
    await view.waitUntilShown();
    await cell.run();
    expect(await view.rows()).toEqual(TAKE_TURNS_STORED.map(storedCells));
    await view.button('First step').click();
    await view.at(1);
    await expect.poll(() => status.text()).toBe('Your run, turn 1 of 7: worker#1 ran, printed "A: step 1", yielded; queue after: worker#2, worker#1.');
    expect(await view.region.find({ css: '.loop-line' }).text()).toBe('Cell 5, line 6: yield  # hand control back to whoever called next()');

    // An edit with a third generator: the picture's queue is the edited loop's.
    await cell.replaceCode(THIRD_WORKER);
    await cell.run();
    await view.button('First step').click();
    await expect.poll(boxes).toEqual(['worker#2', 'worker#3', 'worker#1']);
    expect(await axeViolationsInBothSchemes(page)).toEqual([]);
    expect(page.errors()).toEqual([]);
  });

  test("in TypeScript, chapter 1's first loop shows the same turns", async () => {
    const page = await site.openChapter('what-is-an-event-loop', { language: 'typescript' });
    const cell = page.cell(5);
    const view = cell.loopView();
    await view.open();
    await cell.run();
    expect(await view.rows()).toEqual(TAKE_TURNS_STORED.map(storedCells));
    await view.button('First step').click();
    await expect.poll(() => view.region.find({ css: '.loop-line' }).text()).toBe('Cell 5, line 4: yield; // hand control back to whoever called next()');
    expect(page.errors()).toEqual([]);
  });
});
