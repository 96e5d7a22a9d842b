import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, describe, expect, test } from 'vitest';
import { createPythonSession, type PythonSession } from '../../src/kernel/python/session.ts';
import type { TraceStep } from '../../src/loop-view/trace-step.ts';
import {
  chapter,
  COUNTDOWN_STEPS,
  COUNTDOWNS,
  foldsOf,
  LEFT_RUNNING,
  LEFT_RUNNING_STEPS,
  GATHER_TIMES,
  gatherSteps,
  PING_PONG,
  PING_PONG_FOLDS,
  PING_PONG_TIMES,
  RENAMED_LOOP,
  RENAMED_STEPS,
  RUNAWAY,
  summarize,
  TAKE_TURNS,
  timesOf,
} from '../support/loop-trace-cases.ts';

const indexURL = `${dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))}/`;
const RUNNER = join(import.meta.dirname, '../../src/kernel/python/runner.py');
const HARNESS = join(import.meta.dirname, 'loop-trace-harness.py');
/** sys.monitoring needs Python 3.12 or later; the machine's python3 is 3.11 (pyenv has newer ones). */
const PYTHON_ENV = { ...process.env, PYENV_VERSION: process.env['PYENV_VERSION'] ?? '3.14:3.13.0:3.12.1' };
const PYTHON = ['python3.14', 'python3.13', 'python3.12'].find(
  (name) => spawnSync(name, ['-c', 'import sys; sys.monitoring'], { env: PYTHON_ENV }).status === 0,
);

const ch1 = chapter('01-what-is-an-event-loop').cells;
const ch4 = chapter('04-sleep-ping-pong').cells;
const ch5 = chapter('05-async-await').cells;
const code = (cells: typeof ch4, id: string) => cells.find((cell) => cell.id === id)!.code;
const PIECES = [code(ch4, 'previous-pieces'), code(ch4, 'sleep-class'), code(ch4, 'ping-pong')];

interface Cell {
  code: string;
  filename: string;
  trace: boolean;
  limit?: number;
}
type Result = { status: string; steps: TraceStep[]; dropped: number };

function checkFolds(steps: TraceStep[]): void {
  // The two long busy waits each stand for thousands of clock checks, as the chapter's table says.
  expect(foldsOf(steps)).toEqual(PING_PONG_FOLDS);
  expect(steps[0]!.parked).toEqual([{ task: 'Ping#1', state: 'yielded', by: 'Sleep#1' }]);
}

describe('the loop trace on Pyodide', () => {
  let pyodide: PyodideAPI;
  let session: PythonSession;
  const traces = new Map<number, Map<number, TraceStep>>();
  let runId = 0;

  beforeAll(async () => {
    pyodide = await loadPyodide({ indexURL });
    session = createPythonSession(pyodide, {
      output: () => undefined,
      trace: (id, steps) => {
        for (const step of steps) traces.get(id)?.set(step.index, step);
      },
    });
  });

  async function run(source: string, trace = true): Promise<TraceStep[]> {
    const id = ++runId;
    traces.set(id, new Map());
    expect(await session.run({ runId: id, code: source, filename: `Cell ${id}`, executionCount: id, trace })).toBe('ok');
    return [...traces.get(id)!.values()].sort((a, b) => a.index - b.index);
  }

  test("chapter 4's Ping and Pong: about ten steps, busy waits folded", async () => {
    for (const source of PIECES) expect(await run(source, false)).toEqual([]);
    const steps = await run(code(ch4, 'run-ping-pong'));
    expect(summarize(steps)).toEqual(PING_PONG);
    checkFolds(steps);
    expect(timesOf(steps)).toEqual(PING_PONG_TIMES);
  });

  test("chapter 5's gather: each task's start, await and end", async () => {
    session.reset();
    await run(code(ch5, 'async-ping-pong'), false);
    const filename = `Cell ${runId + 1}`;
    const steps = await run(code(ch5, 'gather'));
    expect(summarize(steps)).toEqual(gatherSteps(filename));
    expect(timesOf(steps)).toEqual(GATHER_TIMES);
  });

  test("a reader's renamed loop with a third task", async () => {
    expect(summarize(await run(RENAMED_LOOP))).toEqual(RENAMED_STEPS);
  });

  test("chapter 1's bare generators in a deque, and a reader's edit of that loop", async () => {
    const steps = await run(code(ch1, 'take-turns'));
    expect(summarize(steps)).toEqual(TAKE_TURNS);
    // The line each generator stands at after its step: the yield, then the end of its loop.
    expect(steps.map((step) => step.line)).toEqual([6, 6, 6, 6, 4, 6, 4]);
    expect(summarize(await run(COUNTDOWNS))).toEqual(COUNTDOWN_STEPS("'done'"));
  });

  test("a task the cell leaves running is traced after the cell's last line, until it is done", async () => {
    const id = runId + 1;
    const early = await run(LEFT_RUNNING);
    await session.settle(id);
    const steps = [...traces.get(id)!.values()].sort((a, b) => a.index - b.index);
    // The cell's own step reaches the page as the cell ends, the task's as they come: its end later.
    expect(early.length).toBeGreaterThan(0);
    expect(summarize(early)).toEqual(LEFT_RUNNING_STEPS(`Cell ${id}`).slice(0, Math.min(early.length, 2)));
    expect(summarize(steps)).toEqual(LEFT_RUNNING_STEPS(`Cell ${id}`));
    // Done, the trace is gone: the next cell's turns are not this one's.
    expect(pyodide.runPython('import loop_trace; loop_trace._current is None')).toBe(true);
  });

  test('a runaway run_forever() stops growing at the bound', async () => {
    session.reset();
    await run(PIECES[0]!, false);
    pyodide.runPython("import loop_trace; _bounded = loop_trace.start('Cell 999', None, 100)");
    const id = ++runId;
    await session.run({ runId: id, code: RUNAWAY, filename: 'Cell 999', executionCount: id });
    const [kept, dropped] = pyodide.runPython('loop_trace.stop(); [len(_bounded.steps()), _bounded.dropped]').toJs() as number[];
    expect([kept, dropped]).toEqual([100, 4900]);
  });
});

describe.skipIf(PYTHON === undefined)(`the loop trace on CPython (${PYTHON})`, () => {
  function runAll(cells: Cell[]): Result[] {
    const result = spawnSync(PYTHON!, [HARNESS], { input: JSON.stringify({ runner: RUNNER, cells }), encoding: 'utf8', env: PYTHON_ENV });
    if (result.status !== 0) throw new Error(`${PYTHON} failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as Result[];
  }
  const cell = (source: string, filename: string, trace = true, limit?: number): Cell => ({ code: source, filename, trace, ...(limit === undefined ? {} : { limit }) });

  test('Ping and Pong, the renamed loop, gather and a runaway loop', () => {
    const results = runAll([
      ...PIECES.map((source, i) => cell(source, `Cell ${i + 1}`, false)),
      cell(code(ch4, 'run-ping-pong'), 'Cell 4'),
      cell(RENAMED_LOOP, 'Cell 5'),
      cell(code(ch5, 'async-ping-pong'), 'Cell 6', false),
      cell(code(ch5, 'gather'), 'Cell 7'),
      cell(RUNAWAY, 'Cell 8', false, 100),
      cell(code(ch1, 'take-turns'), 'Cell 9'),
      cell(COUNTDOWNS, 'Cell 10'),
    ]);
    expect(results.map((each) => each.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'error', 'ok', 'ok']);
    expect(summarize(results[8]!.steps)).toEqual(TAKE_TURNS);
    expect(summarize(results[9]!.steps)).toEqual(COUNTDOWN_STEPS("'done'"));
    expect(summarize(results[3]!.steps)).toEqual(PING_PONG);
    checkFolds(results[3]!.steps);
    expect(summarize(results[4]!.steps)).toEqual(RENAMED_STEPS);
    expect(summarize(results[6]!.steps)).toEqual(gatherSteps('Cell 7'));
    expect([results[7]!.steps.length, results[7]!.dropped]).toEqual([100, 4900]);
  });
});
