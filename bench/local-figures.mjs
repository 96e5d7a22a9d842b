// The figures measured from this machine without a shaped link: the page's own script, a warm
// kernel, streaming, floods, the editor and Lighthouse.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';
import { CHAPTER, FIRST_RUN, clickToOutput, coldBrowser } from './browser.mjs';

const KERNEL_FILES = /\/pyodide\/|\.worker[-.]/;
const log = (...args) => console.error(...args);

/** Compressed bytes of JavaScript a chapter loads before the reader does anything. */
export async function jsBeforeClick(origin) {
  const browser = await coldBrowser();
  try {
    const page = browser.page;
    let bytes = 0;
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const scripts = new Set();
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      // The kernel a page fetches on idle (src/notebook/kernel-prefetch.ts) is not the page's own script.
      if (/javascript/.test(response.mimeType) && !KERNEL_FILES.test(response.url)) scripts.add(requestId);
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      if (scripts.has(requestId)) bytes += encodedDataLength;
    });
    await page.goto(`${origin}/${CHAPTER}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1000);
    return bytes / 1024;
  } finally {
    await browser.close();
  }
}

/** Replaces a cell's code through its editor, as a paste would. */
async function setCode(page, index, code) {
  const cell = `nb-cell[data-index="${index}"]`;
  await page.click(`${cell} .cell-code[data-language="python"]`);
  await page.waitForSelector(`${cell} .monaco-editor`);
  await page.click(`${cell} .monaco-editor .view-lines`);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
  return cell;
}

export async function warmFigures(origin) {
  const browser = await coldBrowser();
  const page = browser.page;
  try {
    await page.goto(`${origin}/${CHAPTER}`, { waitUntil: 'load' });
    // Warm the kernel with the chapter's first cell.
    await clickToOutput(page, `${FIRST_RUN} .cell-run`, `${FIRST_RUN} [role="log"]`);
    await page.waitForFunction(() => document.querySelector('nb-cell')?.getAttribute('aria-busy') === 'false');

    log('kernel warm; measuring print(1)...');
    const cell = await setCode(page, 2, 'print(1)');
    const warm = [];
    for (let i = 0; i < 15; i++) {
      warm.push(await clickToOutput(page, `${cell} .cell-run`, `${cell} [role="log"]`));
      await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('aria-busy') === 'false', cell);
    }

    log('measuring stream latency...');
    // A print every 100 ms from a busy loop: how late does each line reach the screen?
    // One line per statement body: the editor indents typed newlines, as it does for a reader.
    await setCode(
      page,
      2,
      'import time\nfor i in range(12): print(i, repr(time.time() * 1000)); start = time.time(); all(iter(lambda: time.time() - start < 0.1, False))',
    );
    const arrivals = await page.evaluate((selector) => {
      const log = document.querySelector(`${selector} [role="log"]`);
      const seen = [];
      let known = 0;
      const observer = new MutationObserver(() => {
        const lines = (log.textContent ?? '').split('\n').filter((line) => /^\d+ /.test(line));
        const now = performance.timeOrigin + performance.now();
        for (const line of lines.slice(known)) seen.push(now - Number(line.split(' ')[1]));
        known = lines.length;
      });
      observer.observe(log, { childList: true, subtree: true, characterData: true });
      document.querySelector(`${selector} .cell-run`).click();
      return new Promise((resolve) => {
        const deadline = performance.now() + 60_000;
        const done = () => {
          if (performance.now() > deadline) resolve([Number.NaN]);
          else if (known >= 12) {
            observer.disconnect();
            resolve(seen);
          } else setTimeout(done, 50);
        };
        done();
      });
    }, cell);
    await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('aria-busy') === 'false', cell);

    log('measuring a flood of 100,000 lines...');
    // 100,000 printed lines: the longest main-thread task while they arrive.
    await setCode(page, 2, 'for i in range(100_000): print(i)');
    const flood = await page.evaluate((selector) => {
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
      const cellElement = document.querySelector(selector);
      cellElement.querySelector('.cell-run').click();
      return new Promise((resolve) => {
        const wait = () => {
          if (cellElement.getAttribute('aria-busy') === 'false') {
            running = false;
            observer.disconnect();
            resolve({ longestTask: Math.max(0, ...tasks), longTasks: tasks.length, longestFrame });
          } else setTimeout(wait, 50);
        };
        setTimeout(wait, 50);
      });
    }, cell);
    return { warm, stream: arrivals, flood };
  } finally {
    await browser.close();
  }
}

export async function editorOpen(origin) {
  const browser = await coldBrowser();
  const page = browser.page;
  try {
    await page.goto(`${origin}/${CHAPTER}`, { waitUntil: 'networkidle' });
    return await page.evaluate(async () => {
      const code = document.querySelector('nb-cell .cell-code');
      const started = performance.now();
      code.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      // Ready means focused and taking keys: a typed character reaches the editor's text.
      while (!document.activeElement?.closest('.monaco-editor')) await new Promise((resolve) => setTimeout(resolve, 5));
      return performance.now() - started;
    });
  } finally {
    await browser.close();
  }
}

/** Lighthouse (mobile, its defaults) in a child process; async, because this process is the server. */
export async function lighthouse(url) {
  const output = join(mkdtempSync(join(tmpdir(), 'bench-lh-')), 'report.json');
  const bin = join(dirname(createRequire(import.meta.url).resolve('lighthouse/package.json')), 'cli/index.js');
  await promisify(execFile)(
    process.execPath,
    [
      bin,
      url,
      '--quiet',
      '--only-categories=performance,accessibility',
      '--output=json',
      `--output-path=${output}`,
      `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, timeout: 180_000 },
  );
  const report = JSON.parse(readFileSync(output, 'utf8'));
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
  };
}

