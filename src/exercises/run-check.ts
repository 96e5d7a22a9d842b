import type { Output, RunStatus } from '../kernel/protocol.ts';
import type { Language } from '../lib/languages.ts';
import type { Exercise } from './catalog.ts';
import { OBSERVATION_MARKER, type CheckRequest } from './check-request.ts';
import { evaluate, notChecked, type Feedback, type Observation } from './checks.ts';
import { pythonCheckProgram } from './python-check.ts';
import { typescriptCheckProgram } from './typescript-check.ts';

/** Runs code on a language's kernel without a cell: the shape of `Notebook.execute`. */
export interface ExecuteRequest {
  language: Language;
  code: string;
  filename: string;
}
export type Execute = (request: ExecuteRequest, sink: (output: Output) => void) => Promise<RunStatus>;

export function checkRequest(exercise: Exercise, language: Language, source: string): CheckRequest {
  const side = exercise.sides[language];
  return {
    language,
    source,
    prelude: side.prelude,
    after: side.after,
    values: exercise.values,
    limitSeconds: exercise.limitSeconds,
    tick: exercise.tick,
  };
}

/** Each language's harness: wraps the reader's code so that a run reports what the checks observe. */
const CHECK_PROGRAMS: Readonly<Record<Language, (request: CheckRequest) => string>> = {
  python: pythonCheckProgram,
  typescript: typescriptCheckProgram,
};

export function checkProgram(request: CheckRequest): string {
  return CHECK_PROGRAMS[request.language](request);
}

function isObservation(value: unknown): value is Observation {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    Array.isArray(candidate['lines']) &&
    candidate['lines'].every((line) => typeof line === 'string') &&
    typeof candidate['timedOut'] === 'boolean' &&
    typeof candidate['clockReads'] === 'number' &&
    typeof candidate['values'] === 'object' &&
    candidate['values'] !== null &&
    (candidate['error'] === null || typeof candidate['error'] === 'object')
  );
}

/**
 * What the harness reported, read from the check's outputs. When the harness itself could not run
 * (the reader's TypeScript does not compile, say), the kernel's error stands in for the program's.
 */
export function observationFrom(outputs: readonly Output[]): Observation | undefined {
  const stdout = outputs.flatMap((output) => (output.output_type === 'stream' && output.name === 'stdout' ? [output.text] : [])).join('');
  const line = stdout.split('\n').find((text) => text.startsWith(OBSERVATION_MARKER));
  if (line !== undefined) {
    try {
      const parsed: unknown = JSON.parse(line.slice(OBSERVATION_MARKER.length));
      if (isObservation(parsed)) return parsed;
    } catch {
      // Fall through: a broken report is the same as none.
    }
  }
  const error = outputs.find((output) => output.output_type === 'error');
  if (error?.output_type === 'error') {
    return {
      lines: [],
      error: { ename: error.ename, evalue: error.evalue },
      timedOut: error.ename === 'KeyboardInterrupt',
      clockReads: 0,
      values: {},
    };
  }
  return undefined;
}

/** Runs one check of the reader's code and judges it. */
export async function runCheck(exercise: Exercise, language: Language, source: string, execute: Execute): Promise<Feedback> {
  const request = checkRequest(exercise, language, source);
  const outputs: Output[] = [];
  await execute({ language, code: checkProgram(request), filename: `Check ${exercise.id}` }, (output) => outputs.push(output));
  const observation = observationFrom(outputs);
  if (!observation) return notChecked('the check ended without a report. Try again, or restart the kernel.');
  return evaluate(exercise.sides[language].rules, observation, source, exercise.limitSeconds);
}
