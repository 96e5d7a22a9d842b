import { getNotebook } from '../notebook/notebook.ts';
import type { Execute } from './run-check.ts';

/** Runs a check on the page's kernel, queued with the cells, without a cell element. */
export const executeOnNotebook: Execute = (request, sink) => getNotebook().execute(request, sink);

/** Stops whatever the language's kernel is running (a check that never ends). */
export function interruptKernel(language: Parameters<Execute>[0]['language']): void {
  getNotebook().kernelFor(language).interrupt();
}
