import { beforeAll, describe, expect, test } from 'vitest';
import { loadTestPyodide } from '../../support/pyodide.ts';
import { createPythonSession, type PythonSession } from '../../../src/kernel/python/session.ts';
import type { Output, PendingWork } from '../../../src/kernel/protocol.ts';
import { outputsText } from '../../../src/output/text.ts';

let session: PythonSession;
const outputs = new Map<number, Output[]>();
const pending = new Map<number, PendingWork[]>();
let nextRun = 0;

beforeAll(async () => {
  const pyodide = await loadTestPyodide();
  session = createPythonSession(pyodide, {
    output: (runId, output) => outputs.get(runId)?.push(output),
    pending: (runId, work) => pending.get(runId)?.push(work),
  });
});

/** Runs a cell; resolves with its id once its last line has run (its scheduled work may go on). */
async function run(code: string): Promise<number> {
  const runId = ++nextRun;
  outputs.set(runId, []);
  pending.set(runId, []);
  await session.run({ runId, code, filename: `Cell ${runId}`, executionCount: runId });
  return runId;
}
const text = (runId: number) => outputsText(outputs.get(runId) ?? []);

// Node 20 has no WebAssembly stack switching: these run as they would in a browser without it.
describe('Python output reaches the run that caused it, also after the run ended', () => {
  test('call_later prints into its own cell after the last line', async () => {
    const first = await run("import asyncio\nasyncio.get_running_loop().call_later(0.2, print, 'late')\nprint('now')");
    expect(text(first)).toBe('now\n');
    const second = await run("print('second cell')");
    await session.settle(first);
    expect(text(first)).toBe('now\nlate\n');
    expect(text(second)).toBe('second cell\n');
    expect(pending.get(first)).toEqual([{ tasks: 0, timers: 1 }, { tasks: 0, timers: 0 }]);
  });

  test('a fire-and-forget task prints into the cell that created it', async () => {
    const first = await run(
      "import asyncio\nasync def later():\n    await asyncio.sleep(0.1)\n    print('from the task')\nkeep = asyncio.create_task(later())",
    );
    expect(pending.get(first)?.[0]).toEqual({ tasks: 1, timers: 0 });
    await session.settle(first);
    expect(text(first)).toBe('from the task\n');
  });

  test('cancelling a run stops its pending work and nothing more prints', async () => {
    const first = await run("import asyncio\nhandle = asyncio.get_running_loop().call_later(0.3, print, 'never')");
    session.cancelRun(first);
    await session.settle(first);
    await run("import asyncio\nawait asyncio.sleep(0.4)");
    expect(text(first)).toBe('');
  });

  test('a task exception nobody retrieves is shown in its cell, with its lines', async () => {
    const first = await run("import asyncio\nasync def boom():\n    raise ValueError('nobody awaited me')\nasyncio.create_task(boom())");
    await session.settle(first);
    await run('import asyncio\nawait asyncio.sleep(0.05)');
    const error = outputs.get(first)?.find((output) => output.output_type === 'error');
    expect(error && error.output_type === 'error' && error.evalue).toBe('nobody awaited me');
    expect(text(first)).toContain('line 3, in boom');
  });

  test('an exception in a call_later callback is shown in its cell', async () => {
    const first = await run('import asyncio\nasyncio.get_running_loop().call_later(0.01, lambda: 1 / 0)');
    await session.settle(first);
    expect(text(first)).toContain('ZeroDivisionError: division by zero');
    expect(text(first)).toContain('Exception in callback');
  });
});

describe('pasted asyncio code runs as CPython runs it', () => {
  test('asyncio.run(main()) without stack switching', async () => {
    const id = await run("import asyncio\nasync def main():\n    await asyncio.sleep(0)\n    return 42\nprint(asyncio.run(main()))");
    expect(text(id)).toBe('42\n');
  });

  test('new_event_loop() with run_until_complete, then close(): no stray error', async () => {
    const id = await run(
      "import asyncio\nasync def main():\n    print('hello')\nloop = asyncio.new_event_loop()\nloop.run_until_complete(main())\nloop.close()",
    );
    await session.settle(id);
    await run('import asyncio\nawait asyncio.sleep(0.05)');
    expect(text(id)).toBe('hello\n');
  });

  test('asyncio.run cancels what main() left running, as CPython does', async () => {
    const id = await run(
      "import asyncio\nasync def forever():\n    try:\n        await asyncio.sleep(10)\n    finally:\n        print('cleaned up')\nasync def main():\n    asyncio.create_task(forever())\n    await asyncio.sleep(0)\nasyncio.run(main())\nprint('after')",
    );
    expect(text(id)).toBe('cleaned up\nafter\n');
  });
});
