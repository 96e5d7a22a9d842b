import { cellsAbove, pageCells, type CellHandle } from './cells.ts';
import { getNotebook } from './notebook.ts';
import { rovingFocus } from '../lib/roving-focus.ts';

/** The last cell the reader was in: "Run all above" runs the cells before it. */
let currentCell: CellHandle | undefined;
document.addEventListener('focusin', (event) => {
  const cell = event.target instanceof Element ? event.target.closest('nb-cell') : null;
  if (cell) currentCell = cell as unknown as CellHandle;
});

const ACTIONS: Record<string, () => void> = {
  'run-all': () => {
    for (const cell of pageCells()) void cell.run();
  },
  'run-above': () => {
    const cells = currentCell ? cellsAbove(currentCell) : [];
    for (const cell of cells) void cell.run();
  },
  // The cell that is running may be in the language that is not on screen: it is stopped all the same.
  interrupt: () => {
    const cells = pageCells();
    for (const cell of cells) cell.cancelIfWaiting();
    for (const cell of cells) if (cell.running) cell.stop();
  },
  restart: () => {
    const notebook = getNotebook();
    for (const cell of pageCells()) cell.cancelIfWaiting();
    notebook.resetExecutionCount();
    const started = notebook.kernels().filter((kernel) => kernel.status.state !== 'not-started');
    for (const kernel of started.length > 0 ? started : [notebook.kernel]) kernel.restart();
  },
  clear: () => {
    for (const cell of pageCells()) cell.clearOutput();
  },
};

/** Page-level controls: Run all, Run all above, Interrupt, Restart, Clear outputs. */
export class NotebookControlsElement extends HTMLElement {
  connectedCallback(): void {
    // A toolbar is one tab stop; Left and Right, Home and End move between its buttons.
    rovingFocus(this, { items: () => [...this.querySelectorAll<HTMLButtonElement>('button:not([hidden])')] });
    this.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-action]') : null;
      const action = button?.dataset['action'];
      if (action) ACTIONS[action]?.();
    });
    // The same actions from anywhere on the page, as aria-keyshortcuts on each button announces.
    document.addEventListener('keydown', (event) => {
      if (!event.altKey || !event.shiftKey) return;
      const button = this.querySelector<HTMLButtonElement>(`button[data-key="${event.code}"]`);
      if (!button) return;
      event.preventDefault();
      button.click();
    });
  }
}
