import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, test } from 'vitest';
import { createPythonSession, type PythonSession } from '../../src/kernel/python/session.ts';
import type { Output } from '../../src/kernel/protocol.ts';
import { runCheck, type Execute } from '../../src/exercises/run-check.ts';
import { exerciseCases } from '../support/exercise-cases.ts';

const indexURL = `${dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))}/`;
const sinks = new Map<number, (output: Output) => void>();
let session: PythonSession;
let runId = 0;

// The checks run through the same session code as the page's worker, one run per check.
const execute: Execute = async ({ code, filename }, sink) => {
  const id = ++runId;
  sinks.set(id, sink);
  return session.run({ runId: id, code, filename, executionCount: id });
};

beforeAll(async () => {
  const pyodide = await loadPyodide({ indexURL });
  session = createPythonSession(pyodide, (id, output) => sinks.get(id)?.(output));
  // A reader's earlier cells: a broken Ping and a clock that stands still. The checks must not see them.
  await execute({ language: 'python', code: "import time\nPing = None\ntime.time = lambda: 0\n", filename: 'Cell 1' }, () => {});
});

describe('exercise checks on Pyodide', () => {
  test.each(exerciseCases('python'))('$exercise.id: $name', async ({ exercise, code, solved, says }) => {
    const feedback = await runCheck(exercise, 'python', code, execute);
    expect(feedback.summary).toContain(says);
    expect(feedback.solved).toBe(solved);
  });
});
