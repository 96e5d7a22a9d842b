// The figures of a warm kernel, on one page whose kernel the chapter's first cell has started:
// print(1), a print from a busy loop, a flood of 100,000 lines, input(), and a 10 MB line.
// Each figure is one `attempt` (run.mjs): a figure that fails is reported and the others go on.
import { CHAPTER, FIRST_RUN, clickToOutput, coldBrowser } from './browser.mjs';
import { LIMITS, cellSelector, pasteCode, timedClick, waitUntilIdle } from './reader.mjs';

const log = (...args) => console.error(...args);
const CELL = cellSelector(2);
const RUN = `${CELL} .cell-run`;
const LOG = `${CELL} [role="log"]`;

/** Milliseconds from Run to output, `samples` times, for a cell that prints `print(1)`. */
async function warmPrint(page, samples) {
  await pasteCode(page, CELL, 'print(1)');
  const warm = [];
  for (let i = 0; i < samples; i++) {
    warm.push(await clickToOutput(page, RUN, LOG));
    await waitUntilIdle(page, CELL);
  }
  return warm;
}

/** How late each line printed every 100 ms by a busy loop reaches the page. */
async function streamLatency(page) {
  // Each line carries the time it was printed; the page notes when it arrives.
  await pasteCode(
    page,
    CELL,
    'import time\nfor i in range(12): print(i, repr(time.time() * 1000)); start = time.time(); all(iter(lambda: time.time() - start < 0.1, False))',
  );
  const arrivals = await timedClick(page, RUN, (selector) => {
    const output = document.querySelector(`${selector} [role="log"]`);
    window.__bench = new Promise((resolve) => {
      const seen = [];
      let known = 0;
      const observer = new MutationObserver(() => {
        const lines = (output.textContent ?? '').split('\n').filter((line) => /^\d+ /.test(line));
        const now = performance.timeOrigin + performance.now();
        for (const line of lines.slice(known)) seen.push(now - Number(line.split(' ')[1]));
        known = lines.length;
        if (known >= 12) {
          observer.disconnect();
          resolve(seen);
        }
      });
      observer.observe(output, { childList: true, subtree: true, characterData: true });
    });
  }, CELL);
  await waitUntilIdle(page, CELL);
  return arrivals;
}

/** The longest main-thread task (or, if none reached 50 ms, the longest frame) while 100,000 lines arrive. */
async function floodLongestTask(page) {
  await pasteCode(page, CELL, 'for i in range(100_000): print(i)');
  const flood = await timedClick(page, RUN, (selector) => {
    const cell = document.querySelector(selector);
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({ type: 'longtask' });
    let last = performance.now();
    let longestFrame = 0;
    let running = true;
    const frame = (now) => {
      longestFrame = Math.max(longestFrame, now - last);
      last = now;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    window.__bench = new Promise((resolve) => {
      let clicked = false;
      cell.querySelector('.cell-run').addEventListener('click', () => (clicked = true), { capture: true, once: true });
      const ended = new MutationObserver(() => {
        if (!clicked || cell.getAttribute('aria-busy') !== 'false') return;
        ended.disconnect();
        running = false;
        observer.disconnect();
        resolve({ longestTask: Math.max(0, ...tasks), longTasks: tasks.length, longestFrame });
      });
      ended.observe(cell, { attributes: true, attributeFilter: ['aria-busy'] });
    });
  }, CELL);
  log(`flood: ${flood.longTasks} long tasks, longest ${Math.round(flood.longestTask)} ms; longest frame ${Math.round(flood.longestFrame)} ms`);
  return flood.longTasks > 0 ? flood.longestTask : flood.longestFrame;
}

/** Milliseconds from Run until input() has failed with its reason in the log. */
async function inputError(page, samples) {
  await pasteCode(page, CELL, 'name = input("name? ")\nprint("after input")');
  const times = [];
  for (let i = 0; i < samples; i++) {
    times.push(await clickToOutput(page, RUN, LOG, { until: 'RuntimeError' }));
    await waitUntilIdle(page, CELL);
  }
  return times;
}

/** Milliseconds from Run until the line after a 10 MB line is shown (the long line cut on its way). */
async function longLine(page, samples) {
  await pasteCode(page, CELL, 'print("x" * 10_000_000)\nprint("after")');
  const times = [];
  for (let i = 0; i < samples; i++) {
    times.push(await clickToOutput(page, RUN, LOG, { until: 'characters hidden\\][\\s\\S]*after' }));
    await waitUntilIdle(page, CELL);
  }
  return times;
}

/**
 * Every warm-kernel figure; `attempt(keys, what, work)` runs one measurement and turns its
 * failure into a failure line. With `quick`, each figure takes one sample.
 */
export async function warmFigures(origin, attempt, { quick }) {
  const samples = quick ? 1 : 5;
  const keys = ['warm_print_ms', 'stream_latency_ms', 'flood_longest_task_ms', 'input_error_ms', 'long_line_ms'];
  const browser = await attempt(keys, 'starting the browser', () => coldBrowser());
  if (!browser) return {};
  const page = browser.page;
  try {
    const warmed = await attempt(keys, 'starting the kernel', async () => {
      await page.goto(`${origin}/${CHAPTER}`, { waitUntil: 'load', timeout: LIMITS.answer * 2 });
      await clickToOutput(page, `${FIRST_RUN} .cell-run`, `${FIRST_RUN} [role="log"]`);
      await waitUntilIdle(page, FIRST_RUN);
      return true;
    });
    if (!warmed) return {};
    log('kernel warm; measuring print(1)...');
    const warm = await attempt(['warm_print_ms'], 'print(1)', () => warmPrint(page, quick ? 1 : 15));
    log('measuring stream latency...');
    const stream = await attempt(['stream_latency_ms'], 'stream latency', () => streamLatency(page));
    log('measuring a flood of 100,000 lines...');
    const flood = await attempt(['flood_longest_task_ms'], 'flood', () => floodLongestTask(page));
    log('measuring input()...');
    const input = await attempt(['input_error_ms'], 'input()', () => inputError(page, samples));
    log('measuring a 10 MB line...');
    const line = await attempt(['long_line_ms'], 'a 10 MB line', () => longLine(page, samples));
    return { warm, stream, flood, input, line };
  } finally {
    await browser.close();
  }
}
