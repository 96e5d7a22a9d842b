// The figures measured from this machine without a shaped link that need a page of their own:
// the page's own script, the editor and Lighthouse (a warm kernel's are in warm-figures.mjs).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';
import { CHAPTER, FIRST_RUN, coldBrowser } from './browser.mjs';
import { LIMITS, timedClick } from './reader.mjs';

const KERNEL_FILES = /\/pyodide\/|\.worker[-.]/;

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
    await page.goto(`${origin}/${CHAPTER}`, { waitUntil: 'networkidle', timeout: LIMITS.answer * 2 });
    // After the network went quiet, until the main thread is idle too: what the page starts then
    // (the kernel's prefetch aside, which is not the page's own script) has been asked for.
    await page.evaluate((ms) => new Promise((resolve) => requestIdleCallback(resolve, { timeout: ms })), LIMITS.answer);
    return bytes / 1024;
  } finally {
    await browser.close();
  }
}

/**
 * Milliseconds from the click on a cell's code (Playwright's real click, which places the caret)
 * until the editor has the focus; then a typed key must reach the cell's code, or the figure fails.
 */
export async function editorOpen(origin) {
  const browser = await coldBrowser();
  const page = browser.page;
  try {
    await page.goto(`${origin}/${CHAPTER}`, { waitUntil: 'networkidle', timeout: LIMITS.answer * 2 });
    const code = `${FIRST_RUN} .cell-code[data-language="python"]`;
    const before = await page.evaluate((selector) => document.querySelector(selector).currentCode(), FIRST_RUN);
    const ms = await timedClick(
      page,
      code,
      (selector) => {
        window.__bench = new Promise((resolve) => {
          let pressedAt = 0;
          document.querySelector(selector).addEventListener('pointerdown', () => (pressedAt = performance.now()), { capture: true, once: true });
          document.addEventListener('focusin', function focused() {
            if (!pressedAt || !document.activeElement?.closest('.monaco-editor')) return;
            document.removeEventListener('focusin', focused);
            resolve(performance.now() - pressedAt);
          });
        });
      },
      code,
      LIMITS.editor,
    );
    // Taking keys: a typed character reaches the code the cell would run.
    await page.keyboard.type('#');
    await page.waitForFunction(([selector, old]) => document.querySelector(selector).currentCode() !== old, [FIRST_RUN, before], {
      timeout: LIMITS.answer,
    });
    return ms;
  } finally {
    await browser.close();
  }
}

const LIGHTHOUSE_MS = 180_000;

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
    { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, timeout: LIGHTHOUSE_MS },
  ).catch((error) => {
    // Say why, not only the command line: the limit, or what Lighthouse printed last.
    const said = String(error.stderr ?? '').trim().split('\n').at(-1);
    const how = error.killed ? `stopped at its ${LIGHTHOUSE_MS / 1000} s limit` : `exited with ${error.code ?? error.signal}`;
    throw new Error(`Lighthouse ${how}${said ? `: ${said}` : ''}`);
  });
  const report = JSON.parse(readFileSync(output, 'utf8'));
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
  };
}

