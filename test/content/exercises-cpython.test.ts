import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isOutput } from '../../src/kernel/protocol.ts';
import { checkProgram, checkRequest, observationFrom } from '../../src/exercises/run-check.ts';
import { evaluate } from '../../src/exercises/checks.ts';
import { exerciseCases } from '../support/exercise-cases.ts';

const RUNNER = join(import.meta.dirname, '../../src/kernel/python/runner.py');
const HARNESS = join(import.meta.dirname, 'cpython-harness.py');
const cases = exerciseCases('python');

/** Every check in one CPython process, one after the other, through the notebook's own runner. */
function runChecksOnCPython() {
  const cells = cases.map((item, i) => ({
    code: checkProgram(checkRequest(item.exercise, 'python', item.code)),
    filename: `Check ${i + 1}`,
  }));
  const result = spawnSync('python3', [HARNESS], { input: JSON.stringify({ runner: RUNNER, cells }), encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr || result.error?.message}`);
  return (JSON.parse(result.stdout) as unknown[][]).map((items) => observationFrom(items.filter(isOutput)));
}

// The lesson is about CPython: a check must judge the same way on the machine's python3.
describe('exercise checks on CPython', () => {
  const observations = runChecksOnCPython();
  test.each(cases.map((item, i) => ({ ...item, observation: observations[i] })))(
    '$exercise.id: $name',
    ({ exercise, code, solved, says, observation }) => {
      expect(observation).toBeDefined();
      const feedback = evaluate(exercise.sides.python.rules, observation!, code, exercise.limitSeconds);
      expect(feedback.summary).toContain(says);
      expect(feedback.solved).toBe(solved);
    },
  );
});
