import { describe, expect, test } from 'vitest';
import { storedCells } from '../../src/loop-view/stored-trace.ts';
import { GATHER_STORED, PING_PONG, PING_PONG_TS } from '../support/loop-trace-cases.ts';
import { axeViolationsInBothSchemes } from './support/axe.ts';
import { hasChromium, useSite } from './support/site.ts';
import type { Language } from './support/chapter-url.ts';
import { ANSWER_MS } from './support/limits.ts';
import { tableRows } from './support/table.ts';

/** A row as the table writes it: the fold rows read "itself: checked the clock N times". */
function expectedRow([task, printed, returned, queue]: (typeof PING_PONG)[number], position: number): (string | RegExp)[] {
  const folded = [2, 4, 6].includes(position) && returned === 'itself';
  return [
    String(position + 1),
    task,
    printed.replace(/\n$/, ''),
    folded ? /^itself: checked the clock [\d,]+ times?$/ : returned,
    queue.length === 0 ? 'empty' : queue.join(', '),
  ];
}

describe.skipIf(!hasChromium)('the loop view', () => {
  const site = useSite();

  /** Chapter 4 with its first three cells run: cell 4, Ping and Pong, is ready to be traced. */
  async function openPingPong(language: Language = 'python') {
    const page = await site.openChapter('sleep-ping-pong', language === 'python' ? {} : { language });
    for (const index of [1, 2, 3]) await page.cell(index).run();
    const cell = page.cell(4);
    return { page, cell, view: cell.loopView() };
  }

  /** Chapter 5 with its first cell run and the loop view of cell 3 (gather) open. */
  async function openGather() {
    const page = await site.open('async-await/');
    await page.cell(1).run();
    const cell = page.cell(3);
    const view = cell.loopView();
    await view.open();
    return { page, cell, view };
  }

  test("chapter 4's Ping and Pong: shown, filled live, its rows the real trace; step, slide, play and pause", async () => {
    const { page, cell, view } = await openPingPong();
    expect(await view.region.isVisible()).toBe(false);
    await view.open();
    expect(await view.region.attribute('aria-label')).toBe('Event loop of cell 4');
    expect(await view.status.text()).toBe('No steps yet. Run the cell to record its loop.');
    const headers = await view.table.find({ role: 'columnheader' }).texts();
    expect(headers).toEqual(['Step', 'Task', 'Printed', 'Returned', 'Queue after']);

    // It fills while the cell still runs: the first rows are there before the last sleep is over.
    await cell.clickRun();
    await page.waitUntilElement(
      cell.root,
      (element) => element.getAttribute('aria-busy') === 'true' && element.querySelectorAll('.loop-steps tbody tr').length > 0,
      undefined,
      { timeout: 60_000, message: 'rows in the loop view while cell 4 still runs' },
    );
    expect(await view.status.text()).toMatch(/^Recording\. Step \d of \d/);
    await cell.waitUntilIdle();

    const rows = await view.rows();
    expect(rows).toHaveLength(PING_PONG.length);
    rows.forEach((row, i) => {
      const expected = expectedRow(PING_PONG[i]!, i);
      row.forEach((text, column) => {
        const want = expected[column]!;
        if (typeof want === 'string') expect(text, `row ${i + 1}, column ${column + 1}`).toBe(want);
        else expect(text, `row ${i + 1}, column ${column + 1}`).toMatch(want);
      });
    });
    // Chapter 4's "Why this order" table is this run, clock counts aside (they are the machine's).
    const chapterTable = page.find({ role: 'table', name: 'Why this order: the turns of Ping and Pong' });
    const chapterRows = await tableRows(chapterTable);
    const machineFree = (table: string[][]) => table.map((row) => row.map((text) => text.replace(/checked the clock [\d,]+ times/, 'checked the clock many times')));
    expect(chapterRows).toEqual(machineFree(rows));

    // A live view follows the run to its last step.
    expect(await view.position()).toEqual([9, 9]);
    expect(await view.status.text()).toBe('Step 9 of 9: Ping#1 ran, printed "End ping", returned None; queue after: empty.');

    await view.button('First step').click();
    await view.at(1);
    expect(await view.status.text()).toBe(
      'Step 1 of 9: Ping#1 ran, printed "Start ping", returned Sleep#1; queue after: Pong#1, Sleep#1.',
    );
    expect(await view.table.find({ css: 'tbody tr[aria-current]' }).nth(0).text()).toContain('Start ping');
    // Ping is parked behind its sleep: greyed in its lane and marked "yielded".
    const lanes = view.region.find({ role: 'list', name: /^Tasks of cell 4/ });
    expect(await lanes.find({ role: 'listitem', hasText: 'Ping#1' }).text()).toBe('Ping#1 yielded, Sleep#1 holds it');
    expect(await view.region.find({ css: '.loop-line' }).text()).toMatch(/^Cell 3, line \d+: yield Sleep\(self, n=3\)/);

    await view.button('Next step').click();
    await view.at(2);
    expect(await view.status.text()).toContain('Pong#1 ran, printed "Start pong"');
    await view.button('Previous step').click();
    await view.at(1);
    await view.button('Last step').click();
    await view.at(9);

    await view.slider.fill('3');
    await view.at(3);
    expect(await view.status.text()).toMatch(/^Step 3 of 9: Sleep#1, Sleep#2 ran, returned itself: checked the clock [\d,]+ times;/);

    // Play steps on by itself and shows Pause; Pause stops it where it is.
    await view.button('Play').click();
    await view.button('Pause').waitFor('visible', { timeout: ANSWER_MS, message: 'Pause in place of Play' });
    await expect.poll(async () => (await view.position())[0]).toBeGreaterThan(3);
    await view.button('Pause').click();
    await view.button('Play').waitFor('visible', { timeout: ANSWER_MS, message: 'Play in place of Pause' });
    const [paused] = await view.position();
    expect(await view.status.text()).toMatch(new RegExp(`^Step ${paused} of 9:`));
    // Faster, then to the end, where Play gives way again.
    await view.region.find({ role: 'combobox', name: 'Speed' }).select('4');
    await view.button('Play').click();
    await expect.poll(() => view.position(), { timeout: 20_000 }).toEqual([9, 9]);
    await view.button('Play').waitFor('visible', { timeout: ANSWER_MS, message: 'Play in place of Pause' });

    expect(await axeViolationsInBothSchemes(page)).toEqual([]);
    // Chapter 5's side by side draws this run (kept for the tab) in place of the stored one.
    await page.goto('async-await/');
    const moments = page.find({ role: 'table', name: 'What each loop printed when' });
    await expect.poll(() => moments.find({ role: 'columnheader' }).texts()).toEqual(['Time', 'Generator loop (chapter 4), your run', 'asyncio (this chapter)']);
    expect((await tableRows(moments)).map((row) => row.slice(0, 2))).toEqual([
      ['0 s', 'Start ping, Start pong'],
      ['2 s', 'End pong'],
      ['3 s', 'End ping'],
    ]);
    expect(page.errors()).toEqual([]);
  });

  test('everything from the keyboard', async () => {
    const { page, cell, view } = await openPingPong();
    await view.toggle.focus();
    await page.press('Enter');
    await view.waitUntilShown();
    expect(await view.toggle.attribute('aria-expanded')).toBe('true');
    await cell.button('Run cell').focus();
    await page.press('Enter');
    await cell.waitUntilIdle();
    expect(await view.position()).toEqual([9, 9]);

    // Arrow keys, Home and End on the controls; the slider's own keys on the slider.
    await view.button('Last step').focus();
    await page.press('Home');
    await view.at(1);
    await page.press('ArrowRight');
    await view.at(2);
    await page.press('End');
    await view.at(9);
    await page.press('ArrowLeft');
    await view.at(8);
    await view.slider.focus();
    await page.press('Home');
    await view.at(1);
    await page.press('ArrowRight');
    await view.at(2);
    // Tab walks through the controls in order, Space presses them, and nothing traps the focus.
    await view.button('First step').focus();
    await page.press('Space');
    await view.at(1);
    await page.press('Tab');
    await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Play');
    await page.press('Tab');
    await page.press('Space');
    await view.at(2);
    for (let i = 0; i < 6; i++) await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nb-loop-view') === null)).toBe(true);

    // Closed again from the keyboard.
    await view.toggle.focus();
    await page.press('Enter');
    expect(await view.region.isVisible()).toBe(false);
    expect(await view.toggle.attribute('aria-expanded')).toBe('false');
    expect(page.errors()).toEqual([]);
  });

  test("chapter 5's gather: the view records asyncio's turns, the stored run beside the generator loop's", async () => {
    const { page, cell, view } = await openGather();
    await cell.run();
    // What the side by side draws is what this run recorded.
    expect(await view.rows()).toEqual(GATHER_STORED.map(storedCells));
    expect(await view.status.text()).toBe('Step 6 of 6: Cell 3 ran, finished; queue after: empty.');
    await view.button('First step').click();
    const lanes = view.region.find({ role: 'list', name: /^Tasks of cell 3/ });
    await view.button('Next step').click();
    // After its first part, ping is parked, greyed and marked with what it awaits.
    expect(await lanes.find({ role: 'listitem', hasText: /^ping#1/ }).text()).toBe('ping#1 awaiting sleep(3)');
    const moments = page.find({ role: 'table', name: 'What each loop printed when' });
    // The asyncio side is now this run, as it recorded.
    await expect.poll(() => moments.find({ role: 'columnheader' }).texts()).toEqual(['Time', 'Generator loop (chapter 4)', 'asyncio (this chapter), your run']);
    expect(await tableRows(moments)).toEqual([
      ['0 s', 'Start ping, Start pong', 'Start ping, Start pong'],
      ['2 s', 'End pong', 'End pong'],
      ['3 s', 'End ping', 'End ping'],
    ]);
    expect(await axeViolationsInBothSchemes(page)).toEqual([]);
    expect(page.errors()).toEqual([]);
  });

  test("a task the cell leaves running keeps filling the view after the cell's last line", async () => {
    const { page, cell, view } = await openGather();
    await cell.replaceCode("task = asyncio.create_task(pong())\nprint('last line')");
    await cell.run();
    // Pong's end comes two seconds after the cell's last line; the view records it.
    await expect.poll(() => view.rows(), { timeout: 30_000 }).toEqual([
      ['1', 'Cell 3', 'last line', 'finished', 'pong#1'],
      ['2', 'pong#1', 'Start pong', 'awaits sleep(2)', 'empty'],
      ['3', 'pong#1', 'End pong', 'finished', 'empty'],
    ]);
    expect(page.errors()).toEqual([]);
  });

  test("in TypeScript, chapter 4's twin shows the same turns, its finished tasks returning null", async () => {
    const { page, cell, view } = await openPingPong('typescript');
    await view.open();
    await cell.run();
    const rows = await view.rows();
    expect(rows.map((row) => [row[1], row[2], row[4]])).toEqual(
      PING_PONG_TS.map(([task, printed, , queue]) => [task, printed.replace(/\n$/, ''), queue.length === 0 ? 'empty' : queue.join(', ')]),
    );
    expect(rows.map((row) => row[3]!.replace(/checked the clock [\d,]+ times?/, 'checked the clock'))).toEqual(
      PING_PONG_TS.map(([, , returned], i) => ([2, 4, 6].includes(i) ? `${returned}: checked the clock` : returned)),
    );
    await view.button('First step').click();
    await expect.poll(() => view.region.find({ css: '.loop-line' }).text()).toMatch(/^Cell 3, line 4: yield new Sleep\(this, 3000\);/);
    expect(page.errors()).toEqual([]);
  });
});
