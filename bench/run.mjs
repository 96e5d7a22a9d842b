// npm run bench: the speed figures of DESIGN.md, measured in Chromium against the built site and,
// in the same run and from the same server, a bare page that loads the npm package's Pyodide:
// from this machine (bench/local-figures.mjs, warm-figures.mjs, trace-figures.mjs) and over shaped
// links (bench/network-figures.mjs). `--quick`: one run of each local figure on the build in dist/.
// A measurement that fails prints a FAILED line and the bench goes on; it then exits with 1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createAttempt } from './attempt.mjs';
import { CHAPTER, coldFirstOutput } from './browser.mjs';
import { editorOpen, jsBeforeClick, lighthouse } from './local-figures.mjs';
import { networkFigures, PROFILES } from './network-figures.mjs';
import { startServer } from './server.mjs';
import { completeResults, failureLines, FIGURES, formatTable, median, parseArgs, partialResults, QUICK_FIGURES, ratio, round } from './stats.mjs';
import { traceFigures } from './trace-figures.mjs';
import { warmFigures } from './warm-figures.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// BENCH_DIST measures another build (say, an older commit's) with this bench; BENCH_RESULTS
// writes its figures somewhere other than latest.json.
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist');
const LATEST = join(ROOT, 'bench/results/latest.json');
const OUT = process.env.BENCH_RESULTS ?? LATEST;
/** --quick's figures go beside the full run's, never over them. */
const QUICK_OUT = process.env.BENCH_RESULTS ?? join(ROOT, 'bench/results/quick.json');

const options = parseArgs(process.argv.slice(2));
// With --json, stdout carries the JSON object alone; progress goes to stderr.
const log = (...args) => console.error(...args);
const { failures, attempt } = createAttempt(log);

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

/** Cold first runs of the notebook and the bare page, interleaved so both feel the same machine noise. */
async function coldFigures(server, samples) {
  const cold = await attempt(['cold_first_output_ms', 'baseline_cold_first_output_ms', 'cold_ratio'], 'cold first runs', async () => {
    if (!options.quick) {
      // One unmeasured run of each warms the server's compression cache, not the browser.
      await coldFirstOutput(server.url, 'notebook');
      await coldFirstOutput(server.url, 'bare');
    }
    const notebook = [];
    const bare = [];
    for (let i = 0; i < options.runs; i++) {
      notebook.push(await coldFirstOutput(server.url, 'notebook'));
      bare.push(await coldFirstOutput(server.url, 'bare'));
      log(`cold run ${i + 1}/${options.runs}: notebook ${round(notebook.at(-1), 0)} ms, bare ${round(bare.at(-1), 0)} ms`);
    }
    return { notebook, bare };
  });
  if (!cold) return {};
  samples.cold_first_output_ms = cold.notebook;
  samples.baseline_cold_first_output_ms = cold.bare;
  return {
    cold_first_output_ms: round(median(cold.notebook), 0),
    baseline_cold_first_output_ms: round(median(cold.bare), 0),
    cold_ratio: ratio(median(cold.notebook), median(cold.bare)),
  };
}

/** Figures from this machine: the page's script, cold runs, a warm kernel, the editor and (not in --quick) Lighthouse. */
async function localFigures(server, samples) {
  const results = {};
  const js = await attempt(['js_kb_before_click'], 'JavaScript before a click', () => jsBeforeClick(server.url));
  if (js !== undefined) {
    samples.js_kb_before_click = [js];
    results.js_kb_before_click = round(js);
  }
  Object.assign(results, await coldFigures(server, samples));

  const warm = await warmFigures(server.url, attempt, { quick: options.quick });
  const figures = {
    warm_print_ms: warm.warm,
    stream_latency_ms: warm.stream,
    flood_longest_task_ms: warm.flood === undefined ? undefined : [warm.flood],
    input_error_ms: warm.input,
    long_line_ms: warm.line,
  };
  for (const [key, values] of Object.entries(figures)) {
    if (values === undefined) continue;
    samples[key] = values;
    results[key] = round(median(values));
  }

  log('measuring editor open...');
  const editor = await attempt(['editor_open_ms'], 'editor open', async () => {
    const times = [];
    for (let i = 0; i < (options.quick ? 1 : 3); i++) times.push(await editorOpen(server.url));
    return times;
  });
  if (editor) {
    samples.editor_open_ms = editor;
    results.editor_open_ms = round(median(editor), 0);
  }

  if (options.quick) return results;
  log('running Lighthouse...');
  const reports = await attempt(['lighthouse_performance', 'lighthouse_accessibility'], 'Lighthouse', async () => {
    const found = [];
    for (let i = 0; i < 3; i++) found.push(await lighthouse(`${server.url}/${CHAPTER}`));
    return found;
  });
  if (reports) {
    samples.lighthouse_performance = reports.map((report) => report.performance);
    samples.lighthouse_accessibility = reports.map((report) => report.accessibility);
    results.lighthouse_performance = median(samples.lighthouse_performance);
    results.lighthouse_accessibility = median(samples.lighthouse_accessibility);
  }
  return results;
}

/** The loop view's cost: traced over untraced run times, and the rate of busy turns. */
async function loopTraceFigures(server, samples) {
  const keys = ['trace_ping_pong_ratio', 'trace_asyncio_ratio', 'trace_busy_turn_cost'];
  const traced = await attempt(keys, 'loop view', () => traceFigures(server.url, options.runs));
  if (!traced) return {};
  const { pingPong, asyncio, turns } = traced;
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
    const key = (figure) => `${name}_link_${figure}`;
    const keys = ['first_output_ms', 'baseline_first_output_ms', 'ratio', 'mb_before_output', 'baseline_mb_before_output', 'repeat_visit_ms', 'after_reading_ms'].map(key);
    const measured = await attempt(keys, `${name} link`, () => networkFigures(server, name, options.linkRuns));
    if (!measured) continue;
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
  // --quick and --no-build reuse the site in dist/; --no-build also the build time of the last full run.
  if (!options.build && !existsSync(join(DIST, 'index.html'))) throw new Error(`no build in ${DIST}: run npm run build first`);
  const buildSeconds = options.build ? build() : options.quick ? undefined : previousBuildSeconds();
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
    log(`serving ${DIST} at ${server.url}${options.quick ? ' (quick: one run of each local figure)' : ''}`);
    if (options.only === undefined || options.only === 'local') results = { ...results, ...(await localFigures(server, samples)) };
    if (options.only === undefined || options.only === 'local' || options.only === 'trace') {
      results = { ...results, ...(await loopTraceFigures(server, samples)) };
    }
    if (!options.quick && (options.only === undefined || options.only === 'network')) results = { ...results, ...(await shapedFigures(server, samples)) };
  } finally {
    await server.close();
  }

  const figures = options.quick ? QUICK_FIGURES : FIGURES;
  const measured = { ...results, dist_mb: round(directorySize(DIST) / 1024 / 1024), ...(options.quick ? {} : { build_s: round(buildSeconds) }) };
  if (failures.size > 0) {
    // A failed figure is never written as a number, and the last good figures stay in place.
    const partial = partialResults(measured);
    if (options.json) console.log(JSON.stringify({ ...partial, failures: Object.fromEntries(failures) }));
    else console.log(`\n${formatTable(partial, samples, { figures, failures })}\n\n${failureLines(failures).join('\n')}`);
    process.exitCode = 1;
    return;
  }
  results = options.quick ? completeResults(measured, QUICK_FIGURES) : options.only ? partialResults(measured) : completeResults(measured);
  const out = options.quick ? QUICK_OUT : OUT;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  if (options.json) console.log(JSON.stringify(results));
  else console.log(`\n${formatTable(results, samples, { figures })}\n\nwritten to ${out}`);
}

main()
  .catch((error) => {
    console.error(`bench failed: ${error.message}`);
    process.exitCode = 1;
  })
  // Browsers a timed-out measurement left behind must not keep the bench alive.
  .finally(() => process.exit());
