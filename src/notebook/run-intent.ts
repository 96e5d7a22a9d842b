import type { Notebook } from './notebook.ts';

/**
 * Intent to run: the kernel on screen starts loading while the reader's finger is on its way to
 * Run. A kernel that failed to load waits for Run or Retry: a hover must not start it again and again.
 */
export function startKernelOnIntent(run: HTMLElement, notebook: Notebook): void {
  for (const type of ['pointerenter', 'focus', 'pointerdown'] as const) {
    run.addEventListener(type, () => {
      const { kernel } = notebook;
      if (kernel.status.state !== 'dead') kernel.start();
    });
  }
}
