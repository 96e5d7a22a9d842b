// node bench/stop.mjs: Stop on `while True: pass` to an idle kernel, in place (isolated page) and by
// restarting the kernel (a host without isolation headers). Medians over several runs; needs dist/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';
import { LIMITS, pasteCode, timedClick } from './reader.mjs';
import { startServer } from './server.mjs';
import { median, round } from './stats.mjs';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const RUNS = 5;
const CELL = 'nb-cell[data-index="1"]';

async function stopLatency(origin) {
  const profile = mkdtempSync(join(tmpdir(), 'bench-stop-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
    serviceWorkers: 'block',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/task/`, { timeout: LIMITS.answer * 2 });
    await pasteCode(page, CELL, 'while True: pass');
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      await page.click(`${CELL} .cell-run`, { timeout: LIMITS.answer });
      // Running, not loading: the kernel is busy with the loop.
      await page.waitForFunction(() => document.querySelector('nb-kernel-status')?.getAttribute('data-state') === 'busy', undefined, {
        timeout: LIMITS.run,
      });
      samples.push(
        await timedClick(
          page,
          `${CELL} .cell-stop`,
          (selector) => {
            const cell = document.querySelector(selector);
            window.__bench = new Promise((resolve) => {
              let clickedAt = 0;
              cell.querySelector('.cell-stop').addEventListener('click', () => (clickedAt = performance.now()), { capture: true, once: true });
              // Until the cell has ended and the kernel is idle again (after a restart: a fresh kernel).
              const idle = () => document.querySelector('nb-kernel-status')?.getAttribute('data-state') === 'idle';
              const poll = () =>
                clickedAt && cell.getAttribute('aria-busy') === 'false' && idle() ? resolve(performance.now() - clickedAt) : requestAnimationFrame(poll);
              poll();
            });
          },
          CELL,
          LIMITS.answer,
        ),
      );
    }
    return { isolated: await page.evaluate(() => crossOriginIsolated), samples };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const isolated = await startServer({ mounts: [{ prefix: '/', root: DIST }] });
const plain = await startServer({ mounts: [{ prefix: '/', root: DIST }], isolate: false });
try {
  for (const [name, server] of [['isolated', isolated], ['without isolation', plain]]) {
    const result = await stopLatency(server.url);
    console.log(`${name} (crossOriginIsolated=${result.isolated}): Stop to idle median ${round(median(result.samples))} ms; samples ${result.samples.map((value) => round(value)).join(', ')}`);
  }
} finally {
  await isolated.close();
  await plain.close();
}
