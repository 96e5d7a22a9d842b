import { afterAll, describe, expect, test } from 'vitest';
import type { Output } from '../../src/kernel/protocol.ts';
import { createTypeScriptSession } from '../../src/kernel/typescript/typescript-session.ts';
import { runCheck, type Execute } from '../../src/exercises/run-check.ts';
import { exerciseCases } from '../support/exercise-cases.ts';

const sinks = new Map<number, (output: Output) => void>();
let runId = 0;
// The same transpile-and-run code as the page's TypeScript worker.
const session = createTypeScriptSession((id, output) => sinks.get(id)?.(output));
afterAll(() => session.dispose());

const execute: Execute = async ({ code, filename }, sink) => {
  const id = ++runId;
  sinks.set(id, sink);
  return session.run({ runId: id, code, filename, executionCount: id });
};

describe('exercise checks on the TypeScript kernel', () => {
  test('a reader’s earlier cells cannot break the checks', async () => {
    const realNow = Date.now;
    // A broken Ping and a clock that stands still, as globals of the reader's session.
    await execute({ language: 'typescript', code: 'var Ping = null;\nDate.now = () => 0;\n', filename: 'Cell 1' }, () => {});
    try {
      const [solution] = exerciseCases('typescript');
      const feedback = await runCheck(solution!.exercise, 'typescript', solution!.code, execute);
      expect(feedback.summary).toBe('Solved: every check passed.');
    } finally {
      Date.now = realNow;
      session.reset();
    }
  });

  test.each(exerciseCases('typescript'))('$exercise.id: $name', async ({ exercise, code, solved, says }) => {
    const feedback = await runCheck(exercise, 'typescript', code, execute);
    expect(feedback.summary).toContain(says);
    expect(feedback.solved).toBe(solved);
  });
});
