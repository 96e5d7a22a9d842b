// Pure helpers of the benchmark: aggregation, checks and the table. Unit-tested; no timing here.

/** The names `npm run bench` reports, in the order of its table, with their units and budgets. */
export const FIGURES = [
  { key: 'js_kb_before_click', unit: 'KB', budget: '<= 40' },
  { key: 'cold_first_output_ms', unit: 'ms', budget: '' },
  { key: 'baseline_cold_first_output_ms', unit: 'ms', budget: '' },
  { key: 'cold_ratio', unit: 'x', budget: '<= 0.4' },
  ...['fast', 'slow'].flatMap((link) => [
    { key: `${link}_link_first_output_ms`, unit: 'ms', budget: '' },
    { key: `${link}_link_baseline_first_output_ms`, unit: 'ms', budget: '' },
    { key: `${link}_link_ratio`, unit: 'x', budget: link === 'fast' ? '<= 0.5' : '' },
    { key: `${link}_link_mb_before_output`, unit: 'MB', budget: link === 'fast' ? '<= 4.5' : '' },
    { key: `${link}_link_baseline_mb_before_output`, unit: 'MB', budget: '' },
    { key: `${link}_link_repeat_visit_ms`, unit: 'ms', budget: '' },
    { key: `${link}_link_after_reading_ms`, unit: 'ms', budget: '' },
  ]),
  { key: 'warm_print_ms', unit: 'ms', budget: '<= 30' },
  { key: 'stream_latency_ms', unit: 'ms', budget: '<= 50' },
  { key: 'flood_longest_task_ms', unit: 'ms', budget: '<= 50' },
  // What the tests check without timing it (safety-queue, safety-floods): input() fails at once, a 10 MB line is cut.
  { key: 'input_error_ms', unit: 'ms', budget: '' },
  { key: 'long_line_ms', unit: 'ms', budget: '' },
  { key: 'editor_open_ms', unit: 'ms', budget: '<= 1000' },
  // The loop view: a traced run's time over the untraced one, and busy turns per second untraced over traced.
  { key: 'trace_ping_pong_ratio', unit: 'x', budget: '<= 1.2' },
  { key: 'trace_asyncio_ratio', unit: 'x', budget: '<= 1.2' },
  { key: 'trace_busy_turn_cost', unit: 'x', budget: '' },
  { key: 'lighthouse_performance', unit: '/100', budget: '>= 98' },
  { key: 'lighthouse_accessibility', unit: '/100', budget: '100' },
  { key: 'dist_mb', unit: 'MB', budget: '' },
  { key: 'build_s', unit: 's', budget: '' },
];

/**
 * The figures of `--quick`: one run of each figure measured from this machine, on the build in
 * dist/; no Lighthouse, no shaped links, no build time.
 */
export const QUICK_FIGURES = FIGURES.filter(
  ({ key }) => !/^(fast|slow)_link_|^lighthouse_|^build_s$/.test(key),
);

/** Median of a non-empty list of finite numbers; throws otherwise, so a lost figure is never a zero. */
export function median(values) {
  const numbers = values.filter((value) => typeof value === 'number' && Number.isFinite(value));
  if (numbers.length === 0 || numbers.length !== values.length) {
    throw new Error(`median needs finite numbers, got ${JSON.stringify(values)}`);
  }
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `ours / floor`, rounded to two decimals; a floor of zero or less cannot be divided by. */
export function ratio(ours, floor) {
  if (!(floor > 0) || !Number.isFinite(ours)) throw new Error(`cannot divide ${ours} by ${floor}`);
  return Math.round((ours / floor) * 100) / 100;
}

export function round(value, digits = 1) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Checks that every figure (of `figures`) is present and a finite number; returns the object in the table's order. */
export function completeResults(results, figures = FIGURES) {
  const missing = figures.filter(({ key }) => typeof results[key] !== 'number' || !Number.isFinite(results[key]));
  if (missing.length > 0) throw new Error(`bench could not measure: ${missing.map(({ key }) => key).join(', ')}`);
  return Object.fromEntries(figures.map(({ key }) => [key, results[key]]));
}

/** For a run that measured one half (`--only`): every figure in order, `null` where none was taken. */
export function partialResults(results) {
  return Object.fromEntries(FIGURES.map(({ key }) => [key, Number.isFinite(results[key]) ? results[key] : null]));
}

/**
 * A plain-text table for people: `figures` (all by default), with FAILED where `failures` (figure
 * to reason) has the figure; the reasons themselves are `failureLines`.
 */
export function formatTable(results, samples = {}, { figures = FIGURES, failures = new Map() } = {}) {
  const shown = (key, unit) => {
    if (failures.has(key)) return 'FAILED';
    return results[key] === null || results[key] === undefined ? 'not measured' : `${results[key]} ${unit}`;
  };
  const rows = figures.map(({ key, unit, budget }) => [
    key,
    shown(key, unit),
    budget,
    samples[key] ? samples[key].map((value) => round(value, 1)).join(', ') : '',
  ]);
  const header = ['figure', 'median', 'budget', 'samples'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** One line per failed figure: `FAILED <figure>: <reason>`. */
export function failureLines(failures) {
  return [...failures].map(([key, reason]) => `FAILED ${key}: ${reason}`);
}

/**
 * Reads `--flag` and `--name value` options. `--quick` is one run of each local figure on the
 * existing build (see QUICK_FIGURES); it sets `quick` only when given.
 */
export function parseArgs(argv) {
  const options = { json: false, runs: 5, linkRuns: 3, build: true, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') options.json = true;
    else if (argv[i] === '--quick') Object.assign(options, { quick: true, runs: 1, build: false });
    else if (argv[i] === '--runs') options.runs = Number(argv[++i]);
    else if (argv[i] === '--link-runs') options.linkRuns = Number(argv[++i]);
    else if (argv[i] === '--no-build') options.build = false;
    else if (argv[i] === '--only') options.only = argv[++i];
  }
  for (const name of ['runs', 'linkRuns']) {
    if (!Number.isInteger(options[name]) || options[name] < 1) throw new Error(`--${name === 'runs' ? 'runs' : 'link-runs'} needs a positive integer`);
  }
  if (options.only !== undefined && !['local', 'network', 'trace'].includes(options.only)) throw new Error('--only takes local, network or trace');
  if (options.quick && options.only !== undefined) throw new Error('--quick measures the local figures; it takes no --only');
  return options;
}
