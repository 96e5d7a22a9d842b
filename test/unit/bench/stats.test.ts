import { describe, expect, it } from 'vitest';
import { completeResults, FIGURES, formatTable, median, parseArgs, ratio, round } from '../../../bench/stats.mjs';

/** One finite value per figure, in the table's order. */
function fullResults(): Record<string, number> {
  return Object.fromEntries(FIGURES.map(({ key }: { key: string }, i: number) => [key, i + 0.5]));
}

const KEYS: string[] = FIGURES.map(({ key }: { key: string }) => key);

describe('median', () => {
  it('returns the middle value of an odd count', () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([5, 1, 4, 2, 3])).toBe(3);
  });

  it('returns the mean of the two middle values of an even count', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });

  it('sorts numerically, not as strings', () => {
    // As strings, 100 < 20 < 3: a default sort would pick the wrong middle.
    expect(median([100, 3, 20])).toBe(20);
    expect(median([9, 100, 1000, 11])).toBe(55.5);
    expect(median([-5, 10, -20])).toBe(-5);
  });

  it('returns the single value of a one-element list', () => {
    expect(median([42])).toBe(42);
    expect(median([0])).toBe(0);
  });

  it('does not reorder the caller’s list', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('throws on an empty list instead of returning a number', () => {
    expect(() => median([])).toThrow(/finite numbers/);
  });

  it.each([
    ['NaN', [1, Number.NaN, 3]],
    ['a lone NaN', [Number.NaN]],
    ['Infinity', [1, Number.POSITIVE_INFINITY, 3]],
    ['-Infinity', [Number.NEGATIVE_INFINITY, 2]],
    ['a numeric string', [1, '2', 3]],
    ['null', [1, null, 3]],
    ['undefined', [undefined, 1]],
    ['a boolean', [true, 1]],
    ['an object', [{}, 1]],
  ])('throws on %s, so a lost figure never becomes a number', (_, values) => {
    expect(() => median(values)).toThrow(/median needs finite numbers/);
  });
});

describe('ratio', () => {
  it('divides and rounds to two decimals', () => {
    expect(ratio(1020, 2467)).toBe(0.41);
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(2, 3)).toBe(0.67);
    expect(ratio(5, 5)).toBe(1);
    expect(ratio(3000, 1000)).toBe(3);
    expect(ratio(1234, 1000)).toBe(1.23);
  });

  it('accepts ours of zero: it is a measurement, not a lost figure', () => {
    expect(ratio(0, 10)).toBe(0);
  });

  it.each([
    ['0', 0],
    ['-0', -0],
    ['negative', -1],
    ['NaN', Number.NaN],
    ['undefined', undefined],
  ])('throws when the floor is %s', (_, floor) => {
    expect(() => ratio(1020, floor)).toThrow(/cannot divide/);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['undefined', undefined],
    ['a string', '1020'],
  ])('throws when ours is %s', (_, ours) => {
    expect(() => ratio(ours, 2467)).toThrow(/cannot divide/);
  });
});

describe('round', () => {
  it('rounds to one decimal by default', () => {
    expect(round(12.34)).toBe(12.3);
    expect(round(12.36)).toBe(12.4);
    expect(round(7)).toBe(7);
  });

  it('rounds to the given number of digits', () => {
    expect(round(1234.5678, 0)).toBe(1235);
    expect(round(1234.5678, 2)).toBe(1234.57);
    expect(round(1234.5678, 3)).toBe(1234.568);
    expect(round(99.6, 0)).toBe(100);
  });

  it('rounds halves up', () => {
    expect(round(2.5, 0)).toBe(3);
    expect(round(0.25, 1)).toBe(0.3);
  });

  it('keeps NaN as NaN, so completeResults still sees a lost figure', () => {
    expect(round(Number.NaN)).toBeNaN();
    expect(round(Number.NaN, 0)).toBeNaN();
  });
});

describe('completeResults', () => {
  it('returns every figure, in the order of FIGURES', () => {
    const results = fullResults();
    // Built in reverse, so the order of the output must come from FIGURES.
    const reversed = Object.fromEntries(Object.entries(results).reverse());
    const complete = completeResults(reversed);
    expect(Object.keys(complete)).toEqual(KEYS);
    expect(complete).toEqual(results);
  });

  it('accepts zero as a measured value', () => {
    const results = { ...fullResults(), flood_longest_task_ms: 0 };
    expect(completeResults(results)['flood_longest_task_ms']).toBe(0);
  });

  it('ignores keys that are not figures', () => {
    const complete = completeResults({ ...fullResults(), extra: 1, note: 'x' });
    expect(Object.keys(complete)).toEqual(KEYS);
    expect(complete).not.toHaveProperty('extra');
    expect(complete).not.toHaveProperty('note');
  });

  it('throws naming a single missing figure', () => {
    const { warm_print_ms: _dropped, ...rest } = fullResults();
    expect(() => completeResults(rest)).toThrow('bench could not measure: warm_print_ms');
  });

  it('throws naming every missing or non-finite figure, in table order', () => {
    const results: Record<string, unknown> = {
      ...fullResults(),
      cold_ratio: Number.NaN,
      editor_open_ms: Number.POSITIVE_INFINITY,
      lighthouse_performance: '98',
      lighthouse_accessibility: null,
      dist_mb: undefined,
    };
    delete results['js_kb_before_click'];
    delete results['build_s'];
    expect(() => completeResults(results)).toThrow(
      'bench could not measure: js_kb_before_click, cold_ratio, editor_open_ms, lighthouse_performance, lighthouse_accessibility, dist_mb, build_s',
    );
  });

  it('throws naming all figures for an empty object', () => {
    expect(() => completeResults({})).toThrow(`bench could not measure: ${KEYS.join(', ')}`);
  });
});

describe('formatTable', () => {
  const results = completeResults(fullResults());

  it('has a header, a rule and one row per figure, in order', () => {
    const lines = formatTable(results).split('\n');
    expect(lines).toHaveLength(2 + FIGURES.length);
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['figure', 'median', 'budget', 'samples']);
    expect(lines[1]).toMatch(/^-+( {2}-+){3}$/);
    expect(lines.slice(2).map((line: string) => line.split(' ')[0])).toEqual(KEYS);
  });

  it('shows each value with its unit, and its budget', () => {
    const lines = formatTable(results).split('\n').slice(2);
    FIGURES.forEach(({ key, unit, budget }: { key: string; unit: string; budget: string }, i: number) => {
      const line = lines[i]!;
      expect(line.startsWith(`${key} `)).toBe(true);
      expect(line).toContain(`${results[key]} ${unit}`);
      if (budget) expect(line).toContain(budget);
    });
    expect(lines[0]).toMatch(/^js_kb_before_click\s+0\.5 KB\s+<= 40$/);
    expect(lines[3]).toMatch(/^cold_ratio\s+3\.5 x\s+<= 0\.4$/);
    const fastRatio = lines[KEYS.indexOf('fast_link_ratio')]!;
    expect(fastRatio).toMatch(/^fast_link_ratio\s+\d+\.5 x\s+<= 0\.5$/);
    expect(lines[KEYS.indexOf('fast_link_mb_before_output')]).toMatch(/<= 4\.5$/);
  });

  it('lines up the columns under the header', () => {
    const lines = formatTable(results, { warm_print_ms: [1, 2] }).split('\n');
    const header = lines[0]!;
    const medianColumn = header.indexOf('median');
    const budgetColumn = header.indexOf('budget');
    const samplesColumn = header.indexOf('samples');
    FIGURES.forEach(({ key, unit }: { key: string; unit: string }, i: number) => {
      const line = lines[i + 2]!;
      expect(line.indexOf(`${results[key]} ${unit}`)).toBe(medianColumn);
    });
    const warm = lines[2 + KEYS.indexOf('warm_print_ms')]!;
    expect(warm.indexOf('<= 30')).toBe(budgetColumn);
    expect(warm.indexOf('1, 2')).toBe(samplesColumn);
  });

  it('joins the samples of a figure, rounded to one decimal', () => {
    const table = formatTable(results, { cold_first_output_ms: [1234.56, 999.94, 1000] });
    const row = table.split('\n').find((line: string) => line.startsWith('cold_first_output_ms '))!;
    expect(row).toMatch(/1234\.6, 999\.9, 1000$/);
  });

  it('leaves the samples empty for figures without samples, and has no trailing spaces', () => {
    const table = formatTable(results, { warm_print_ms: [20, 30] });
    for (const line of table.split('\n')) expect(line).toBe(line.trimEnd());
    const row = table.split('\n').find((line: string) => line.startsWith('dist_mb '))!;
    expect(row).toMatch(new RegExp(`^dist_mb\\s+${KEYS.indexOf('dist_mb')}\\.5 MB$`));
  });
});

describe('parseArgs', () => {
  it('defaults to a table, five runs and a build', () => {
    expect(parseArgs([])).toEqual({ json: false, runs: 5, linkRuns: 3, build: true, only: undefined });
  });

  it('reads --json', () => {
    expect(parseArgs(['--json']).json).toBe(true);
  });

  it('reads --runs N', () => {
    expect(parseArgs(['--runs', '3']).runs).toBe(3);
    expect(parseArgs(['--runs', '1']).runs).toBe(1);
  });

  it('reads --no-build', () => {
    expect(parseArgs(['--no-build'])).toMatchObject({ json: false, runs: 5, build: false });
  });

  it('reads the flags together, in any order', () => {
    expect(parseArgs(['--no-build', '--runs', '7', '--json'])).toMatchObject({ json: true, runs: 7, build: false });
    expect(parseArgs(['--json', '--no-build', '--runs', '2', '--link-runs', '4', '--only', 'network'])).toEqual({
      json: true,
      runs: 2,
      linkRuns: 4,
      build: false,
      only: 'network',
    });
  });

  it('refuses an --only that names no half of the bench', () => {
    expect(() => parseArgs(['--only', 'everything'])).toThrow('--only takes local, network or trace');
  });

  it('throws on --link-runs 0', () => {
    expect(() => parseArgs(['--link-runs', '0'])).toThrow('--link-runs needs a positive integer');
  });

  it.each([
    ['0', ['--runs', '0']],
    ['abc', ['--runs', 'abc']],
    ['a negative count', ['--runs', '-2']],
    ['a fraction', ['--runs', '2.5']],
    ['no value', ['--runs']],
    ['an empty value', ['--runs', '']],
  ])('throws on --runs %s', (_, argv) => {
    expect(() => parseArgs(argv)).toThrow('--runs needs a positive integer');
  });
});
