import { createPythonKernel, createTypeScriptKernel } from '../kernel/client.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { currentLanguage, type Language } from './language.ts';
import { createRunQueue, type RunQueue } from './run-queue.ts';

/** The page's notebook: a kernel per language, one run queue and one execution counter for all cells. */
export interface Notebook {
  /** The kernel of the language the page shows now. */
  readonly kernel: Kernel;
  kernelFor(language: Language): Kernel;
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
    // Created on first use only; a kernel's worker starts later still, when asked.
    const kernels: Partial<Record<Language, Kernel>> = {};
    const kernelFor = (language: Language): Kernel =>
      (kernels[language] ??= language === 'python' ? createPythonKernel() : createTypeScriptKernel());
    notebook = {
      get kernel() {
        return kernelFor(currentLanguage());
      },
      kernelFor,
      queue: createRunQueue(),
      nextExecutionCount: () => ++count,
      resetExecutionCount: () => {
        count = 0;
      },
    };
  }
  return notebook;
}
