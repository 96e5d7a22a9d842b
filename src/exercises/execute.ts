import { getNotebook } from '../notebook/notebook.ts';
import type { Execute } from './run-check.ts';

/**
 * Runs a check on the page's kernel, queued with the cells. Uses `Notebook.execute` where the
 * notebook has it (the lead's rewrite adds it); until then the same through the run queue.
 */
export const executeOnNotebook: Execute = async (request, sink) => {
  const notebook = getNotebook() as ReturnType<typeof getNotebook> & { execute?: Execute };
  if (typeof notebook.execute === 'function') return notebook.execute(request, sink);
  const kernel = notebook.kernelFor(request.language);
  kernel.start();
  const job = notebook.queue.enqueue(
    () => kernel.run({ code: request.code, filename: request.filename, executionCount: 0, onOutput: sink }),
    () => {},
  );
  return (await job.result) ?? 'error';
};

/** Stops whatever the language's kernel is running (a check that never ends). */
export function interruptKernel(language: Parameters<Execute>[0]['language']): void {
  getNotebook().kernelFor(language).interrupt();
}
