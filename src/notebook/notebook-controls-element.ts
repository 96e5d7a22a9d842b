import { rovingFocus } from '../lib/roving-focus.ts';
import type { CellModel } from './cell-model.ts';
import type { Notebook } from './notebook.ts';
import { getNotebook } from './page-notebook.ts';

type Action = 'run-all' | 'run-above' | 'interrupt' | 'restart' | 'clear';

const ACTIONS: Record<Action, (notebook: Notebook, current: CellModel | undefined) => void> = {
  'run-all': (notebook) => {
    for (const cell of notebook.cells) void notebook.runs.run(cell);
  },
  'run-above': (notebook, current) => {
    for (const cell of current ? notebook.cellsAbove(current) : []) void notebook.runs.run(cell);
  },
  // The cell that is running may be in the language that is not on screen: it is stopped all the same.
  interrupt: (notebook) => {
    for (const cell of notebook.cells) notebook.runs.cancelIfWaiting(cell);
    for (const cell of notebook.cells) if (notebook.runs.isRunning(cell)) notebook.runs.stop(cell);
  },
  restart: (notebook) => notebook.restart(),
  clear: (notebook) => {
    for (const cell of notebook.cells) notebook.runs.clearOutput(cell);
  },
};

const isAction = (value: string | undefined): value is Action => value !== undefined && Object.hasOwn(ACTIONS, value);

/** Page-level controls: Run all, Run all above, Interrupt, Restart, Clear outputs. */
export class NotebookControlsElement extends HTMLElement {
  /** The last cell the reader was in: "Run all above" runs the cells before it. */
  private current: CellModel | undefined;

  connectedCallback(): void {
    const notebook = getNotebook();
    // Focus tells which cell the reader is in: each cell's region carries its model's id.
    document.addEventListener('focusin', (event) => {
      const region = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-cell-id]') : null;
      const cell = region && notebook.cell(region.dataset['cellId'] ?? '');
      if (cell) this.current = cell;
    });
    // A toolbar is one tab stop; Left and Right, Home and End move between its buttons.
    rovingFocus(this, { items: () => [...this.querySelectorAll<HTMLButtonElement>('button:not([hidden])')] });
    this.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-action]') : null;
      const action = button?.dataset['action'];
      if (isAction(action)) ACTIONS[action](notebook, this.current);
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
