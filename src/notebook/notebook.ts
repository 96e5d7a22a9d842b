import { createPythonKernel } from '../kernel/client.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { createRunQueue, type RunQueue } from './run-queue.ts';

/** The page's notebook: one kernel, one run queue and one execution counter for all its cells. */
export interface Notebook {
  readonly kernel: Kernel;
  readonly queue: RunQueue;
  nextExecutionCount(): number;
  /** After a restart counting starts again at 1, as in Jupyter. */
  resetExecutionCount(): void;
}

let notebook: Notebook | undefined;

/** Creating the notebook is cheap; the kernel's worker starts only when asked. */
export function getNotebook(): Notebook {
  if (!notebook) {
    let count = 0;
    notebook = {
      kernel: createPythonKernel(),
      queue: createRunQueue(),
      nextExecutionCount: () => ++count,
      resetExecutionCount: () => {
        count = 0;
      },
    };
  }
  return notebook;
}
