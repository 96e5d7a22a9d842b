import { afterAll, describe, expect, test } from 'vitest';
import type { TraceStep } from '../../src/kernel/protocol.ts';
import { startLoopTrace } from '../../src/kernel/typescript/loop-trace.ts';
import { createTypeScriptSession } from '../../src/kernel/typescript/typescript-session.ts';
import { chapter, COUNTDOWN_STEPS, COUNTDOWNS_TS, TAKE_TURNS, foldsOf, GATHER_TIMES, GATHER_TS, PING_PONG_FOLDS, PING_PONG_TIMES, PING_PONG_TS, timesOf, RENAMED_LOOP_TS, RENAMED_STEPS_TS, summarize } from '../support/loop-trace-cases.ts';

const ch1 = chapter('01-what-is-an-event-loop').cells;
/** An async function that prints on both sides of a timer, for a cell that calls it and does not wait. */
const LATER_TS = `async function later(): Promise<void> {
  console.log('before the sleep');
  await new Promise((resolve) => setTimeout(resolve, 200));
  console.log('after the last line');
}`;
const ch4 = chapter('04-sleep-ping-pong').cells;
const ch5 = chapter('05-async-await').cells;
const twin = (id: string, cells = ch4) => cells.find((cell) => cell.id === id)!.twin!.code;

/** A TypeScript run_forever() that hands the loop a new task on every turn, stopped after 5,000 turns. */
const RUNAWAY_TS = `class Spawner extends Task {
  static made = 0;
  override execute(): Task | null {
    Spawner.made += 1;
    if (Spawner.made > 5000) throw new Error('enough');
    return new Spawner();
  }
}
const runaway = new EventLoop();
runaway.push_task(new Spawner());
runaway.run_forever();
`;

describe('the loop trace on the TypeScript kernel', () => {
  const traces = new Map<number, Map<number, TraceStep>>();
  const printed = new Map<number, string>();
  const session = createTypeScriptSession({
    output: (id, output) => {
      if (output.output_type === 'stream') printed.set(id, (printed.get(id) ?? '') + output.text);
    },
    trace: (id, steps) => {
      for (const step of steps) traces.get(id)?.set(step.index, step);
    },
  });
  afterAll(() => session.dispose());
  let runId = 0;

  async function run(code: string, trace = true, filename = `Cell ${runId + 1}`): Promise<TraceStep[]> {
    const id = ++runId;
    traces.set(id, new Map());
    expect(await session.run({ runId: id, code, filename, executionCount: id, trace })).toBe('ok');
    return [...traces.get(id)!.values()].sort((a, b) => a.index - b.index);
  }

  test("chapter 4's Ping and Pong: the same turns as in Python, busy waits folded", async () => {
    for (const id of ['previous-pieces', 'sleep-class', 'ping-pong']) expect(await run(twin(id), false)).toEqual([]);
    const steps = await run(twin('run-ping-pong'));
    expect(summarize(steps)).toEqual(PING_PONG_TS);
    expect(foldsOf(steps)).toEqual(PING_PONG_FOLDS);
    expect(timesOf(steps)).toEqual(PING_PONG_TIMES);
    expect(steps[0]!.parked).toEqual([{ task: 'Ping#1', state: 'yielded', by: 'Sleep#1' }]);
    // Where each task stands after its step: Ping at its yield in cell 3, the sleeps at theirs in cell 2.
    expect(`${steps[0]!.file}:${steps[0]!.line}`).toBe('Cell 3:4');
    expect(steps[2]!.file).toBe('Cell 2');
    // The cell printed what the trace says it printed, and the reader's classes are their own again.
    expect(printed.get(runId)).toBe('Start ping\nStart pong\nEnd pong\nEnd ping\n');
    const Task = (globalThis as Record<string, unknown>)['Task'] as { prototype: { execute: () => unknown } };
    expect(Task.prototype.execute.toString()).not.toContain('original.apply');
  });

  test("chapter 5's Promise.all: each async call parks on its timer, then finishes", async () => {
    await run(twin('async-ping-pong', ch5), false);
    const steps = await run(twin('gather', ch5), true, 'Cell 3');
    expect(summarize(steps)).toEqual(GATHER_TS);
    expect(steps[1]!.parked).toEqual([
      { task: 'ping#1', state: 'awaiting', by: 'setTimeout(3000 ms)' },
      { task: 'pong#1', state: 'awaiting', by: 'setTimeout(2000 ms)' },
    ]);
    // The same moments as asyncio's: both start at once, Pong ends at 2 s, Ping and the cell at 3 s.
    expect(timesOf(steps)).toEqual(GATHER_TIMES.slice(1));
  });

  test("a reader's renamed loop with a third task, declared in the traced cell itself", async () => {
    expect(summarize(await run(RENAMED_LOOP_TS))).toEqual(RENAMED_STEPS_TS);
  });

  test("chapter 1's bare generators in an array, and a reader's edit of that loop", async () => {
    const steps = await run(twin('take-turns', ch1));
    expect(summarize(steps)).toEqual(TAKE_TURNS);
    // The yield each generator stopped at; a generator that finished stands nowhere.
    expect(steps.map((step) => step.line)).toEqual([4, 4, 4, 4, 0, 4, 0]);
    expect(summarize(await run(COUNTDOWNS_TS))).toEqual(COUNTDOWN_STEPS('"done"'));
    // Generators get their own next() back.
    expect(Object.getPrototypeOf(function* () {}).prototype.next.toString()).toContain('[native code]');
  });

  test("an async call the cell leaves running is traced after the cell's last line, until it is done", async () => {
    await run(LATER_TS, false);
    const id = runId + 1;
    await run("later();\nconsole.log('last line');");
    await session.settle(id);
    const steps = [...traces.get(id)!.values()].sort((a, b) => a.index - b.index);
    expect(summarize(steps)).toEqual([
      ['later#1', 'before the sleep\n', 'awaits setTimeout(200 ms)', []],
      [`Cell ${id}`, 'last line\n', 'finished', []],
      ['later#1', 'after the last line\n', 'finished', []],
    ]);
    // Done, the reader's function is its own again.
    expect(String((globalThis as Record<string, unknown>)['later'])).toContain("console.log('before the sleep')");
  });

  test('an untraced run records nothing and a runaway loop stops growing at the bound', async () => {
    expect(await run(twin('run-ping-pong'), false)).toEqual([]);
    const bounded = startLoopTrace({ scope: globalThis as Record<string, unknown>, names: ['Task', 'EventLoop', 'Spawner'], limit: 100 });
    const id = ++runId;
    expect(await session.run({ runId: id, code: RUNAWAY_TS, filename: `Cell ${id}`, executionCount: id })).toBe('error');
    bounded.stop();
    expect([bounded.steps().length, bounded.dropped]).toEqual([100, 4900]);
  });
});
