import type { Kernel } from '../kernel/page/kernel.ts';
import type { CellModel } from './cell-model.ts';
import type { Notebook } from './notebook.ts';

/**
 * Says, where the reader is looking, that the kernel had to be restarted to stop a cell, and offers
 * to run the cells above it again so their definitions come back.
 */
function showRestartNotice(notebook: Notebook, stopped: CellModel, language: string): void {
  const notice = document.querySelector<HTMLElement>('[data-kernel-notice]');
  if (!notice) return;
  const above = notebook.cellsAbove(stopped);
  const message = notice.querySelector('[data-message]');
  const button = notice.querySelector<HTMLButtonElement>('button[data-rerun]');
  if (message) {
    message.textContent =
      `Cell ${stopped.index} was stopped by restarting ${language} (it could not be interrupted in place). ` +
      'Variables defined by earlier cells are gone.';
  }
  if (button) {
    button.hidden = above.length === 0;
    button.textContent = above.length === 1 ? 'Run cell 1 again' : `Run cells 1 to ${above.length} again`;
    button.onclick = () => {
      notice.hidden = true;
      for (const cell of above) void notebook.runs.run(cell);
    };
  }
  notice.hidden = false;
}

/**
 * Remembers which cell the reader stopped, so that if the kernel has to restart to stop it (at
 * once, or after an interrupt it ignored for 2 s) the notice names that cell and what was lost.
 */
export function noteStops(notebook: Notebook): void {
  const stoppedBy = new Map<Kernel, CellModel>();
  const watched = new Set<Kernel>();
  notebook.runs.onStop((cell, kernel) => {
    stoppedBy.set(kernel, cell);
    if (watched.has(kernel)) return;
    watched.add(kernel);
    kernel.onRestart((event) => {
      const stopped = stoppedBy.get(kernel);
      stoppedBy.delete(kernel);
      if (event.fromStop && stopped) showRestartNotice(notebook, stopped, kernel.label);
    });
  });
}
