import type { Language } from '../notebook/language.ts';
import { exerciseById } from './catalog.ts';
import { evaluate, type Feedback } from './checks.ts';
import { executeOnNotebook, interruptKernel } from './execute.ts';
import { runCheck } from './run-check.ts';

/**
 * Checks the reader's code on the page's kernel. The harness stops code that runs past the
 * exercise's limit by itself; code it cannot reach (a tight loop in TypeScript, a C call in Python)
 * is stopped from outside after `stopAfterMs`, through the kernel's Stop.
 */
export async function checkOnPage(id: string, language: Language, source: string, stopAfterMs: number): Promise<Feedback> {
  const exercise = exerciseById(id);
  let stopped = false;
  const timer = setTimeout(() => {
    stopped = true;
    interruptKernel(language);
  }, stopAfterMs);
  try {
    const feedback = await runCheck(exercise, language, source, executeOnNotebook);
    if (!stopped) return feedback;
  } finally {
    clearTimeout(timer);
  }
  const timedOut = { lines: [], error: null, timedOut: true, clockReads: 0, values: {} };
  return evaluate([], timedOut, source, exercise.limitSeconds);
}
