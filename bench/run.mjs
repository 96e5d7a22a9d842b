// npm run bench: the speed figures of DESIGN.md, measured in Chromium against the built site and,
// in the same run and from the same server, a bare page that loads the npm package's Pyodide:
// from this machine (bench/local-figures.mjs) and over shaped links (bench/network-figures.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { completeResults, formatTable, median, parseArgs, partialResults, ratio, round } from './stats.mjs';
import { startServer } from './server.mjs';
import { CHAPTER, coldFirstOutput } from './browser.mjs';
import { editorOpen, jsBeforeClick, lighthouse, warmFigures } from './local-figures.mjs';
import { networkFigures, PROFILES } from './network-figures.mjs';
import { traceFigures } from './trace-figures.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// BENCH_DIST measures another build (say, an older commit's) with this bench; BENCH_RESULTS
// writes its figures somewhere other than latest.json.
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist');
const LATEST = join(ROOT, 'bench/results/latest.json');
const OUT = process.env.BENCH_RESULTS ?? LATEST;

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

function previousBuildSeconds() {
  const seconds = previousResults().build_s;
  if (Number.isFinite(seconds) || options.only) return seconds ?? Number.NaN;
  throw new Error('--no-build needs bench/results/latest.json from a full run for build_s');
}

/** The last full run's figures, for the half that `--only` does not measure; none if there was no run. */
function previousResults() {
  try {
    return JSON.parse(readFileSync(LATEST, 'utf8'));
  } catch {
    return {};
  }
}

/** Cold first runs from this machine, and the figures of a warm kernel. */
async function localFigures(server, samples) {
  samples.js_kb_before_click = [await jsBeforeClick(server.url)];
  // One unmeasured run of each warms the server's compression cache, not the browser.
  await coldFirstOutput(server.url, 'notebook');
  await coldFirstOutput(server.url, 'bare');
  samples.cold_first_output_ms = [];
  samples.baseline_cold_first_output_ms = [];
  for (let i = 0; i < options.runs; i++) {
    // Interleaved, so both feel the same machine noise.
    samples.cold_first_output_ms.push(await coldFirstOutput(server.url, 'notebook'));
    samples.baseline_cold_first_output_ms.push(await coldFirstOutput(server.url, 'bare'));
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
  return {
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
  };
}

/** The loop view's cost: traced over untraced run times, and the rate of busy turns. */
async function loopTraceFigures(server, samples) {
  const { pingPong, asyncio, turns } = await traceFigures(server.url, options.runs);
  Object.assign(samples, {
    trace_ping_pong_ratio: pingPong.traced.map((ms, i) => ms / pingPong.plain[i]),
    trace_asyncio_ratio: asyncio.traced.map((ms, i) => ms / asyncio.plain[i]),
    trace_busy_turn_cost: turns.plain.map((count, i) => count / turns.traced[i]),
  });
  log(`Ping and Pong: ${pingPong.plain.map(Math.round)} ms untraced, ${pingPong.traced.map(Math.round)} ms traced`);
  log(`asyncio: ${asyncio.plain.map(Math.round)} ms untraced, ${asyncio.traced.map(Math.round)} ms traced`);
  log(`busy turns in 0.5 s: ${turns.plain} untraced, ${turns.traced} traced`);
  return {
    trace_ping_pong_ratio: ratio(median(pingPong.traced), median(pingPong.plain)),
    trace_asyncio_ratio: ratio(median(asyncio.traced), median(asyncio.plain)),
    trace_busy_turn_cost: ratio(median(turns.plain), median(turns.traced)),
  };
}

/** Both shaped links, each with the bare page beside the notebook. */
async function shapedFigures(server, samples) {
  const results = {};
  for (const name of Object.keys(PROFILES)) {
    const measured = await networkFigures(server, name, options.linkRuns);
    const key = (figure) => `${name}_link_${figure}`;
    Object.assign(samples, {
      [key('first_output_ms')]: measured.notebook,
      [key('baseline_first_output_ms')]: measured.bare,
      [key('mb_before_output')]: measured.notebookMb,
      [key('baseline_mb_before_output')]: measured.bareMb,
      [key('repeat_visit_ms')]: measured.repeat,
      [key('after_reading_ms')]: measured.reading,
    });
    Object.assign(results, {
      [key('first_output_ms')]: round(median(measured.notebook), 0),
      [key('baseline_first_output_ms')]: round(median(measured.bare), 0),
      [key('ratio')]: ratio(median(measured.notebook), median(measured.bare)),
      [key('mb_before_output')]: round(median(measured.notebookMb), 2),
      [key('baseline_mb_before_output')]: round(median(measured.bareMb), 2),
      [key('repeat_visit_ms')]: round(median(measured.repeat), 0),
      [key('after_reading_ms')]: round(median(measured.reading), 0),
    });
  }
  return results;
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
  // --only local|network measures one half and keeps the other half's figures from the last run.
  let results = options.only ? previousResults() : {};
  try {
    log(`serving ${DIST} at ${server.url}`);
    if (options.only === undefined || options.only === 'local') results = { ...results, ...(await localFigures(server, samples)) };
    if (options.only === undefined || options.only === 'local' || options.only === 'trace') {
      results = { ...results, ...(await loopTraceFigures(server, samples)) };
    }
    if (options.only === undefined || options.only === 'network') results = { ...results, ...(await shapedFigures(server, samples)) };
  } finally {
    await server.close();
  }

  const measured = { ...results, dist_mb: round(directorySize(DIST) / 1024 / 1024), build_s: round(buildSeconds) };
  results = options.only ? partialResults(measured) : completeResults(measured);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  if (options.json) console.log(JSON.stringify(results));
  else console.log(`\n${formatTable(results, samples)}\n\nwritten to ${OUT}`);
}

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  process.exit(1);
});
