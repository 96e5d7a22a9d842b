import harnessSource from './harness.py?raw';
import type { CheckRequest } from './check-request.ts';

/** A JSON string is a valid Python string literal, escapes included. */
const literal = (text: string) => JSON.stringify(text);

/**
 * The program the Python kernel runs for a check: one expression, so that it leaves no name behind
 * in the reader's namespace. The harness gets a dict of its own and the reader's code a fresh one.
 */
export function pythonCheckProgram(request: CheckRequest): string {
  const payload = JSON.stringify({
    source: request.source,
    prelude: request.prelude,
    after: request.after,
    values: request.values,
    limitSeconds: request.limitSeconds,
    tick: request.tick,
  });
  return `await (lambda ns: (exec(${literal(harnessSource)}, ns), ns['run_check'](${literal(payload)}))[1])({'__name__': '__exercise_check__'})\n`;
}
