import { whenLoaded } from '../kernel/page/kernel.ts';
import type { Language } from '../lib/languages.ts';
import { getNotebook } from '../notebook/page-notebook.ts';
import { exerciseById } from './catalog.ts';
import { evaluate, type Feedback } from './checks.ts';
import { runCheck, type Execute } from './run-check.ts';

/**
 * Checks the reader's code on the page's kernel, queued with the cells. The harness stops code
 * that runs past the exercise's limit by itself; code it cannot reach (a tight loop in TypeScript,
 * a call into C in Python) is stopped from outside, `stopAfterMs` after the check started running,
 * through the kernel's own Stop.
 */
export async function checkOnPage(id: string, language: Language, source: string, stopAfterMs: number): Promise<Feedback> {
  const exercise = exerciseById(id);
  const notebook = getNotebook();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let outcome: 'interrupted' | 'restarted' | undefined;
  let finished = false;
  const execute: Execute = (request, sink) =>
    notebook.execute(request, sink, () => {
      // The limit counts the check's own time, not a first load of the kernel.
      const kernel = notebook.kernelFor(language);
      whenLoaded(kernel, () => {
        if (!finished) timer = setTimeout(() => (outcome = kernel.interrupt()), stopAfterMs);
      });
    });
  try {
    const feedback = await runCheck(exercise, language, source, execute);
    if (outcome === undefined) return feedback;
  } finally {
    finished = true;
    clearTimeout(timer);
  }
  const stopped = evaluate([], { lines: [], error: null, timedOut: true, clockReads: 0, values: {} }, source, Math.round(stopAfterMs / 1000));
  if (outcome === 'restarted') {
    stopped.summary += ' Stopping it restarted the kernel, so run the cells above again before you run this one.';
  }
  return stopped;
}
