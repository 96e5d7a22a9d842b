// node bench/stop.mjs: Stop on `while True: pass` to an idle kernel, in place (isolated page) and by
// restarting the kernel (a host without isolation headers). Medians over several runs; needs dist/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';
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
    await page.goto(`${origin}/task/`);
    await page.click(`${CELL} .cell-code[data-language="python"]`);
    await page.waitForSelector(`${CELL} .monaco-editor`);
    await page.click(`${CELL} .monaco-editor .view-lines`);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('while True: pass');
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      await page.click(`${CELL} .cell-run`);
      await page.waitForFunction(() => document.querySelector('nb-kernel-status')?.getAttribute('data-state') === 'busy');
      await page.waitForTimeout(300);
      samples.push(
        await page.evaluate((selector) => {
          const cell = document.querySelector(selector);
          const started = performance.now();
          cell.querySelector('.cell-stop').click();
          return new Promise((resolve) => {
            // Until the cell has ended and the kernel is idle again (after a restart: a fresh kernel).
            const idle = () => document.querySelector('nb-kernel-status')?.getAttribute('data-state') === 'idle';
            const poll = () => (cell.getAttribute('aria-busy') === 'false' && idle() ? resolve(performance.now() - started) : requestAnimationFrame(poll));
            poll();
          });
        }, CELL),
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
