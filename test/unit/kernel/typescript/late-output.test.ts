import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Output, PendingWork, RunStatus } from '../../../../src/kernel/protocol.ts';
import { createTypeScriptSession, type TypeScriptSession } from '../../../../src/kernel/typescript/typescript-session.ts';

// A run outlives its last line: what a cell left on the loop keeps printing into that cell.

type ErrorOutput = Extract<Output, { output_type: 'error' }>;

const originalConsole = { log: console.log, info: console.info, warn: console.warn, error: console.error };
const originalTimers = { setTimeout, setInterval, clearTimeout, clearInterval, queueMicrotask };

let session: TypeScriptSession;
let emitted: { runId: number; output: Output }[];
let work: { runId: number; work: PendingWork }[];
const used = new Set<number>();

beforeEach(() => {
  emitted = [];
  work = [];
  session = createTypeScriptSession({
    output: (runId, output) => emitted.push({ runId, output }),
    pending: (runId, next) => work.push({ runId, work: next }),
  });
});

afterEach(() => {
  // Nothing a test left scheduled may print into the next one.
  for (const runId of used) session.cancelRun(runId);
  used.clear();
  session.reset();
  session.dispose();
});

afterAll(() => {
  Object.assign(console, originalConsole);
  Object.assign(globalThis, originalTimers);
});

/** Runs `code` as "Cell n" (run id 100 + n). */
function runCell(n: number, code: string): Promise<RunStatus> {
  used.add(100 + n);
  return session.run({ runId: 100 + n, code, filename: `Cell ${n}`, executionCount: n });
}

/** What run `runId` printed to stdout so far. */
function stdoutOf(runId: number): string {
  return emitted
    .flatMap(({ runId: id, output }) => (id === runId && output.output_type === 'stream' && output.name === 'stdout' ? [output.text] : []))
    .join('');
}

function errorsOf(runId: number): ErrorOutput[] {
  return emitted.flatMap(({ runId: id, output }) => (id === runId && output.output_type === 'error' ? [output] : []));
}

describe('late output', () => {
  it("a timeout's output reaches the run that scheduled it, after a later cell ran", async () => {
    expect(await runCell(1, "void setTimeout(() => console.log('late'), 20);")).toBe('ok');
    expect(stdoutOf(101)).toBe('');
    expect(await runCell(2, "console.log('second')")).toBe('ok');
    expect(stdoutOf(102)).toBe('second\n');
    await session.settle(101);
    expect(stdoutOf(101)).toBe('late\n');
    expect(stdoutOf(102)).toBe('second\n');
    // The reader sees the second cell's line first, then the first cell's late one.
    const order = emitted.map(({ runId, output }) => `${runId}:${output.output_type === 'stream' ? output.text : ''}`);
    expect(order).toEqual(['102:second\n', '101:late\n']);
  });

  it('settle(runId) resolves only once the late output has arrived', async () => {
    await runCell(1, "void setTimeout(() => console.log('late'), 20);");
    let settled = false;
    const settling = session.settle(101).then(() => {
      settled = true;
    });
    expect(settled).toBe(false);
    await settling;
    expect(stdoutOf(101)).toBe('late\n');
  });

  it('settle of a run that left nothing resolves without waiting for other runs', async () => {
    await runCell(1, "void setTimeout(() => console.log('slow'), 10_000);");
    await runCell(2, "console.log('quick')");
    await session.settle(102);
    expect(stdoutOf(101)).toBe('');
  });

  it('reports the pending timer while it waits, and zeros once it fired', async () => {
    await runCell(1, "void setTimeout(() => console.log('late'), 20);");
    expect(work).toEqual([{ runId: 101, work: { tasks: 0, timers: 1 } }]);
    await session.settle(101);
    expect(work.at(-1)).toEqual({ runId: 101, work: { tasks: 0, timers: 0 } });
  });

  it('cancelRun prevents the late output and reports no work left', async () => {
    await runCell(1, "void setTimeout(() => console.log('late'), 20);");
    session.cancelRun(101);
    expect(work.at(-1)).toEqual({ runId: 101, work: { tasks: 0, timers: 0 } });
    // A later timer that has surely outlived the cancelled one marks the moment to look.
    await runCell(2, "void setTimeout(() => console.log('marker'), 60);");
    await session.settle(102);
    expect(stdoutOf(102)).toBe('marker\n');
    expect(stdoutOf(101)).toBe('');
    expect(emitted.filter(({ runId }) => runId === 101)).toEqual([]);
  });

  it('cancelRun of one run leaves the timers of another', async () => {
    await runCell(1, "void setTimeout(() => console.log('one'), 20);");
    await runCell(2, "void setTimeout(() => console.log('two'), 20);");
    session.cancelRun(101);
    await session.settle(102);
    expect(stdoutOf(102)).toBe('two\n');
    expect(stdoutOf(101)).toBe('');
  });

  it('an interval cleared after 3 ticks prints 3 lines into its cell, then has nothing pending', async () => {
    await runCell(
      1,
      "let ticks = 0;\nconst clock = setInterval(() => {\n  ticks += 1;\n  console.log(`tick ${ticks}`);\n  if (ticks === 3) clearInterval(clock);\n}, 5);",
    );
    await runCell(2, "console.log('meanwhile')");
    await session.settle(101);
    expect(stdoutOf(101)).toBe('tick 1\ntick 2\ntick 3\n');
    expect(stdoutOf(102)).toBe('meanwhile\n');
    expect(work.filter(({ runId }) => runId === 101).at(-1)?.work).toEqual({ tasks: 0, timers: 0 });
  });

  it("a cell's own await on a timer keeps its output, while another cell's interval prints into its own", async () => {
    await runCell(1, "let n = 0;\nconst beat = setInterval(() => { n += 1; console.log('beat'); if (n === 3) clearInterval(beat); }, 2);");
    await runCell(2, "await new Promise((resolve) => setTimeout(resolve, 30));\nconsole.log('two');");
    await session.settle(101);
    expect(stdoutOf(102)).toBe('two\n');
    expect(stdoutOf(101)).toBe('beat\nbeat\nbeat\n');
  });

  // Known limit (JavaScript has no context that follows callbacks): a timer callback of another run sets
  // `current` and nothing sets it back, so when a cell resumes from an await that no wrapped timer
  // resolved (fetch, import(), crypto.subtle, a message: here a promise the test resolves), its
  // console output, and the timers it starts, are attributed to the run whose timer fired last
  // (cell 1). Expected: 'two' in cell 2.
  it.fails("a cell resuming from a non-timer await while another cell's interval ticks prints into its own cell", async () => {
    await runCell(1, "const beat = setInterval(() => console.log('beat'), 2);");
    const scope = globalThis as { release?: () => void };
    const second = runCell(2, "await new Promise<void>((resolve) => { globalThis.release = resolve; });\nconsole.log('two');");
    const beatsBefore = stdoutOf(101).length;
    await vi.waitFor(() => {
      expect(scope.release).toBeTypeOf('function');
      expect(stdoutOf(101).length).toBeGreaterThan(beatsBefore);
    });
    scope.release?.();
    expect(await second).toBe('ok');
    delete scope.release;
    expect(stdoutOf(102)).toBe('two\n');
  });
});

describe('errors after the last line', () => {
  it("an error thrown in a timer callback is an error output of that timer's run", async () => {
    await runCell(1, "void setTimeout(() => { throw new RangeError('late boom'); }, 10);");
    await runCell(2, "console.log('fine')");
    await session.settle(101);
    const [error, ...more] = errorsOf(101);
    expect(more).toEqual([]);
    expect(error).toMatchObject({ output_type: 'error', ename: 'RangeError', evalue: 'late boom' });
    expect(error?.traceback[0]).toBe('Uncaught error in a callback\n');
    expect(error?.traceback[1]).toBe('RangeError: late boom\n');
    expect(errorsOf(102)).toEqual([]);
  });

  it('a throwing interval keeps its cell informed at every tick until it is cancelled', async () => {
    await runCell(1, "let fails = 0;\nconst again = setInterval(() => { fails += 1; if (fails === 2) clearInterval(again); throw new Error(`fail ${fails}`); }, 5);");
    await session.settle(101);
    expect(errorsOf(101).map((error) => error.evalue)).toEqual(['fail 1', 'fail 2']);
  });

  it('output printed before the throw in a callback comes before the error', async () => {
    await runCell(1, "void setTimeout(() => { console.log('about to fail'); throw new Error('x'); }, 5);");
    await session.settle(101);
    const kinds = emitted.filter(({ runId }) => runId === 101).map(({ output }) => output.output_type);
    expect(kinds).toEqual(['stream', 'error']);
  });

  it('reportUncaught(error) is an error output of the current run', async () => {
    await runCell(1, "console.log('one')");
    await runCell(2, "console.log('two')");
    session.reportUncaught(new Error('x'));
    expect(errorsOf(101)).toEqual([]);
    const [error] = errorsOf(102);
    expect(error).toMatchObject({ ename: 'Error', evalue: 'x' });
    expect(error?.traceback[0]).toBe('Uncaught (in promise)\n');
    expect(error?.traceback[1]).toBe('Error: x\n');
  });

  it('reportUncaught from inside a late callback goes to the run of that callback', async () => {
    const scope = globalThis as { report?: (error: unknown) => void };
    scope.report = (error) => session.reportUncaught(error);
    try {
      await runCell(1, "void setTimeout(() => (globalThis as any).report('rejected late'), 10);");
      await runCell(2, "console.log('two')");
      await session.settle(101);
    } finally {
      delete scope.report;
    }
    expect(errorsOf(102)).toEqual([]);
    expect(errorsOf(101).map((error) => error.evalue)).toEqual(["'rejected late'"]);
  });
});

describe('a print loop', () => {
  // A bug this test keeps fixed: every console call is followed by
  // watch.check(), whose poll flushes the stream batcher, so writes are never merged: a loop of
  // 1,000 console.log calls posts 1,000 messages to the page, which is the flood the batcher exists
  // to prevent (burst 32 per 16 ms window). Before 9f23f64 the writer only called batcher.write.
  // Expected: within one window, the first 32 writes go out alone and the rest leave merged.
  it('is merged into a few messages when it writes faster than the page draws', async () => {
    session.dispose();
    emitted = [];
    // A clock that never moves: every write falls in the same window.
    session = createTypeScriptSession((runId, output) => emitted.push({ runId, output }), () => 0);
    await runCell(1, 'for (let i = 0; i < 1000; i++) console.log(i);');
    expect(stdoutOf(101)).toBe(Array.from({ length: 1000 }, (_, i) => `${i}\n`).join(''));
    expect(emitted.length).toBeLessThanOrEqual(33);
  });
});
