import { describeReturned } from './replay-model.ts';
import type { TraceStep } from './trace-step.ts';

/** What the Printed column shows: the lines a step printed, without the last newline. */
export const printedText = (step: TraceStep): string => step.printed.replace(/\n$/, '');

/** What the Queue after column shows, front first. */
export const queueText = (step: TraceStep): string => (step.queue.length === 0 ? 'empty' : step.queue.join(', '));

/** The text of each column, in the table's order (Step, Task, Printed, Returned, Queue after). */
export function stepCells(step: TraceStep): string[] {
  return [String(step.index), step.task, printedText(step), describeReturned(step), queueText(step)];
}

/**
 * The Steps table's body, kept in step with the replay's steps without redrawing it: a live run
 * adds rows, a fold that keeps growing rewrites its own row, and rows the bound let go are removed.
 */
export class StepsTable {
  private readonly rows = new Map<number, HTMLTableRowElement>();
  private current: HTMLTableRowElement | undefined;

  constructor(private readonly body: HTMLTableSectionElement) {}

  sync(steps: readonly TraceStep[]): void {
    const kept = new Set(steps.map((step) => step.index));
    for (const [index, row] of this.rows) {
      if (!kept.has(index)) {
        row.remove();
        this.rows.delete(index);
      }
    }
    for (const step of steps) {
      const texts = stepCells(step);
      let row = this.rows.get(step.index);
      if (row === undefined) {
        row = this.body.insertRow();
        row.dataset['position'] = String(step.index);
        for (const text of texts) row.insertCell().textContent = text;
        this.rows.set(step.index, row);
      } else {
        texts.forEach((text, i) => {
          const cell = row!.cells[i]!;
          if (cell.textContent !== text) cell.textContent = text;
        });
      }
    }
  }

  clear(): void {
    this.body.replaceChildren();
    this.rows.clear();
    this.current = undefined;
  }

  /** Marks the step on screen; returns its row so the view can keep it in sight. */
  mark(index: number | undefined): HTMLTableRowElement | undefined {
    this.current?.removeAttribute('aria-current');
    this.current = index === undefined ? undefined : this.rows.get(index);
    this.current?.setAttribute('aria-current', 'step');
    return this.current;
  }
}
