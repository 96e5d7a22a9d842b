// The loop view's cost: a cell's run time with its loop traced (the view open) over the same
// cell untraced (the view closed), in Chromium on the built site, through the cells' own buttons.
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';
import { LIMITS, timeRun as timeCellRun } from './reader.mjs';

/** Chapter 4's busy wait, counting its clock checks: how many turns a run gets through in half a second. */
const COUNTED_SLEEP = `class CountedSleep(Sleep):
    checks = 0

    def execute(self):
        CountedSleep.checks += 1
        return super().execute()

loop = EventLoop()
loop.push_task(CountedSleep(n=0.5))
loop.run_until_complete()
print(CountedSleep.checks)
`;

const cellSelector = (id) => `nb-cell[data-cell-id="${id}"]`;
/** Milliseconds from the click on Run until the cell `id` is no longer busy, measured in the page. */
const timeRun = (page, id) => timeCellRun(page, cellSelector(id));

/** Opens or closes a cell's loop view, which is what turns tracing on or off for its next run. */
async function setTraced(page, id, traced) {
  const toggle = page.locator(`${cellSelector(id)} .cell-loop`);
  if ((await toggle.getAttribute('aria-expanded', { timeout: LIMITS.answer })) !== String(traced)) await toggle.click({ timeout: LIMITS.answer });
  await page.locator(`${cellSelector(id)} nb-loop-view`).waitFor({ state: traced ? 'visible' : 'hidden', timeout: LIMITS.answer });
}

/** Runs `setup` cells once, then `id` untraced and traced in turn, `runs` times each. */
async function pairedRuns(page, path, setup, id, runs) {
  await page.goto(path, { waitUntil: 'load', timeout: LIMITS.answer * 2 });
  for (const cell of setup) await timeRun(page, cell);
  const plain = [];
  const traced = [];
  for (let i = 0; i < runs; i++) {
    await setTraced(page, id, false);
    plain.push(await timeRun(page, id));
    await setTraced(page, id, true);
    traced.push(await timeRun(page, id));
  }
  return { plain, traced };
}

/** The figures: run times of Ping and Pong (generators) and of its asyncio version, and the busy turns' rate. */
export async function traceFigures(origin, runs) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const page = await (await browser.newContext()).newPage();
    const pingPong = await pairedRuns(page, `${origin}/sleep-ping-pong/`, ['previous-pieces', 'sleep-class', 'ping-pong'], 'run-ping-pong', runs);
    const asyncio = await pairedRuns(page, `${origin}/async-await/`, ['async-ping-pong'], 'gather', runs);
    // Sleeps dominate both run times; the busy wait's count of clock checks shows the cost of one traced turn.
    const code = Buffer.from(COUNTED_SLEEP, 'utf8').toString('base64url');
    await page.goto(`${origin}/sleep-ping-pong/#share=busy-wait.${code}`, { waitUntil: 'load', timeout: LIMITS.answer * 2 });
    for (const cell of ['previous-pieces', 'sleep-class']) await timeRun(page, cell);
    const checks = async (traced) => {
      await setTraced(page, 'busy-wait', traced);
      await timeRun(page, 'busy-wait');
      return Number((await page.locator(`${cellSelector('busy-wait')} [role="log"]`).textContent({ timeout: LIMITS.answer })).trim());
    };
    // One unmeasured pair first: the first busy wait of a page runs cold (its turns are not yet warm).
    await checks(false);
    await checks(true);
    const turns = { plain: [], traced: [] };
    for (let i = 0; i < runs; i++) {
      turns.plain.push(await checks(false));
      turns.traced.push(await checks(true));
    }
    return { pingPong, asyncio, turns };
  } finally {
    await browser.close();
  }
}
