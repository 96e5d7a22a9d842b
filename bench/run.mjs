// npm run bench: the speed figures of DESIGN.md, measured in Chromium against the built site and,
// in the same run and from the same server, a bare page that loads the npm package's Pyodide.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { completeResults, formatTable, median, parseArgs, ratio, round } from './stats.mjs';
import { startServer } from './server.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const CHAPTER = 'what-is-an-event-loop/';

const options = parseArgs(process.argv.slice(2));
// With --json, stdout carries the JSON object alone; progress goes to stderr.
const log = (...args) => console.error(...args);

function directorySize(path) {
  return readdirSync(path, { withFileTypes: true }).reduce((sum, entry) => {
    const child = join(path, entry.name);
    return sum + (entry.isDirectory() ? directorySize(child) : statSync(child).size);
  }, 0);
}

function build() {
  log('building the site...');
  const started = performance.now();
  const result = spawnSync('npx', ['astro', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('astro build failed');
  return (performance.now() - started) / 1000;
}

/** A browser with a fresh, empty profile: nothing cached, no compiled wasm. */
async function coldBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  return {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Milliseconds from a click on `button` until `output` shows fresh text (after the stored output,
 * if any, was cleared), measured inside the page.
 */
async function clickToOutput(page, button, output, timeout = 120_000) {
  await page.evaluate(
    ([buttonSelector, outputSelector]) => {
      const target = document.querySelector(outputSelector);
      window.__bench = new Promise((resolve) => {
        let clickedAt = 0;
        let cleared = (target.textContent ?? '') === '';
        document.querySelector(buttonSelector).addEventListener('click', () => (clickedAt = performance.now()), {
          capture: true,
          once: true,
        });
        const observer = new MutationObserver(() => {
          const content = target.textContent ?? '';
          if (!clickedAt) return;
          if (content === '') cleared = true;
          else if (cleared) {
            observer.disconnect();
            resolve(performance.now() - clickedAt);
          }
        });
        observer.observe(target, { childList: true, subtree: true, characterData: true });
      });
    },
    [button, output],
  );
  await page.click(button);
  return page.evaluate(
    (ms) => Promise.race([window.__bench, new Promise((_, reject) => setTimeout(() => reject(new Error('no output')), ms))]),
    timeout,
  );
}

const FIRST_RUN = `nb-cell[data-index="1"]`;

async function coldFirstOutput(origin) {
  const browser = await coldBrowser();
  try {
    await browser.page.goto(`${origin}/${CHAPTER}`, { waitUntil: 'load' });
    return await clickToOutput(browser.page, `${FIRST_RUN} .cell-run`, `${FIRST_RUN} [role="log"]`);
  } finally {
    await browser.close();
  }
}

async function baselineFirstOutput(origin) {
  const browser = await coldBrowser();
  try {
    await browser.page.goto(`${origin}/__baseline/`, { waitUntil: 'load' });
    return await clickToOutput(browser.page, '#run', '#output');
  } finally {
    await browser.close();
  }
}

/** Compressed bytes of JavaScript a chapter loads before the reader does anything. */
async function jsBeforeClick(origin) {
  const browser = await coldBrowser();
  try {
    const page = browser.page;
    let bytes = 0;
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const scripts = new Set();
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      if (/javascript/.test(response.mimeType)) scripts.add(requestId);
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

async function warmFigures(origin) {
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

async function editorOpen(origin) {
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
async function lighthouse(url) {
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

function previousBuildSeconds() {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'bench/results/latest.json'), 'utf8')).build_s;
  } catch {
    throw new Error('--no-build needs bench/results/latest.json from a full run for build_s');
  }
}

async function main() {
  // --no-build reuses the site in dist/ and the build time of the last full run.
  const buildSeconds = options.build ? build() : previousBuildSeconds();
  const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
  const server = await startServer({
    mounts: [
      { prefix: '/__baseline/pyodide/', root: pyodideDir },
      { prefix: '/__baseline/', root: join(ROOT, 'bench/baseline') },
      { prefix: '/', root: DIST },
    ],
  });
  const samples = {};
  try {
    log(`serving ${DIST} at ${server.url}`);
    samples.js_kb_before_click = [await jsBeforeClick(server.url)];

    // One unmeasured run of each warms the server's compression cache, not the browser.
    await coldFirstOutput(server.url);
    await baselineFirstOutput(server.url);
    samples.cold_first_output_ms = [];
    samples.baseline_cold_first_output_ms = [];
    for (let i = 0; i < options.runs; i++) {
      // Interleaved, so both feel the same machine noise.
      samples.cold_first_output_ms.push(await coldFirstOutput(server.url));
      samples.baseline_cold_first_output_ms.push(await baselineFirstOutput(server.url));
      log(`cold run ${i + 1}/${options.runs}: notebook ${round(samples.cold_first_output_ms.at(-1), 0)} ms, bare ${round(samples.baseline_cold_first_output_ms.at(-1), 0)} ms`);
    }

    const warm = await warmFigures(server.url);
    samples.warm_print_ms = warm.warm;
    samples.stream_latency_ms = warm.stream;
    samples.flood_longest_task_ms = [warm.flood.longTasks > 0 ? warm.flood.longestTask : warm.flood.longestFrame];
    log(`flood: ${warm.flood.longTasks} long tasks, longest ${round(warm.flood.longestTask)} ms; longest frame ${round(warm.flood.longestFrame)} ms`);

    log('measuring editor open...');
    samples.editor_open_ms = [];
    for (let i = 0; i < 3; i++) samples.editor_open_ms.push(await editorOpen(server.url));

    log('running Lighthouse...');
    const reports = [];
    for (let i = 0; i < 3; i++) reports.push(await lighthouse(`${server.url}/${CHAPTER}`));
    samples.lighthouse_performance = reports.map((report) => report.performance);
    samples.lighthouse_accessibility = reports.map((report) => report.accessibility);
  } finally {
    await server.close();
  }

  const results = completeResults({
    js_kb_before_click: round(median(samples.js_kb_before_click)),
    cold_first_output_ms: round(median(samples.cold_first_output_ms), 0),
    baseline_cold_first_output_ms: round(median(samples.baseline_cold_first_output_ms), 0),
    cold_ratio: ratio(median(samples.cold_first_output_ms), median(samples.baseline_cold_first_output_ms)),
    warm_print_ms: round(median(samples.warm_print_ms)),
    stream_latency_ms: round(median(samples.stream_latency_ms)),
    flood_longest_task_ms: round(median(samples.flood_longest_task_ms)),
    editor_open_ms: round(median(samples.editor_open_ms), 0),
    lighthouse_performance: median(samples.lighthouse_performance),
    lighthouse_accessibility: median(samples.lighthouse_accessibility),
    dist_mb: round(directorySize(DIST) / 1024 / 1024),
    build_s: round(buildSeconds),
  });
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (options.json) console.log(JSON.stringify(results));
  else console.log(`\n${formatTable(results, samples)}\n\nwritten to bench/results/latest.json`);
}

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  process.exit(1);
});
