import type { PendingWork } from '../kernel/protocol.ts';
import { createOutputPane, type OutputPane } from '../output/output-pane.ts';
import type { CellChange, CellModel } from './cell-model.ts';
import { assertNever } from '../lib/assert-never.ts';
import { required } from '../lib/required.ts';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "2 timers pending", "1 task and 1 timer pending": what a run left on the loop, in words. */
export function describePending({ tasks, timers }: PendingWork): string {
  const parts = [tasks > 0 ? plural(tasks, 'task') : '', timers > 0 ? plural(timers, 'timer') : ''].filter(Boolean);
  return parts.length === 0 ? '' : `${parts.join(' and ')} pending`;
}

/**
 * Draws a cell's model: the output log (the stored output until the reader runs the side on
 * screen), the execution count, the run's state in words, aria-busy and the Stop button.
 */
export class CellView {
  private readonly pane: OutputPane;
  private readonly log: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly model: CellModel,
  ) {
    this.log = required<HTMLElement>(root, '[role="log"]');
    this.pane = createOutputPane(this.log);
    model.onChange((change) => this.update(change));
  }

  private update(change: CellChange): void {
    switch (change.kind) {
      case 'output':
        this.pane.append(change.output);
        return;
      case 'outputs':
        this.redraw();
        return;
      case 'run':
        this.drawRun();
        return;
      case 'finish':
        this.pane.finish();
        return;
      case 'code':
      case 'trace-start':
      case 'trace':
        return;
      default:
        assertNever(change, 'cell change');
    }
  }

  /** The side on screen: what it printed last, or the chapter's stored output before any run. */
  redraw(): void {
    const side = this.model.sideFor(this.model.shown);
    this.pane.clear();
    if (side.outputs === undefined) {
      this.pane.append({ output_type: 'stream', name: 'stdout', text: side.stored });
    } else {
      for (const output of side.outputs) this.pane.append(output);
    }
    this.pane.flush();
    this.root.classList.toggle('has-stored-output', side.outputs === undefined && side.stored !== '');
  }

  private drawRun(): void {
    const { phase, executionCount, pending, note } = this.model;
    const busy = phase !== 'idle';
    const count = phase === 'idle' ? (executionCount === undefined ? ' ' : String(executionCount)) : '*';
    required(this.root, '.cell-count').textContent = `[${count}]`;
    const waiting = describePending(pending);
    const state = phase === 'waiting' ? 'waiting' : phase === 'running' ? 'running' : [note, waiting].filter(Boolean).join(' · ');
    required(this.root, '.cell-state').textContent = state;
    this.root.setAttribute('aria-busy', String(busy));
    this.root.toggleAttribute('data-pending', this.model.hasPendingWork);
    const stop = required<HTMLButtonElement>(this.root, '.cell-stop');
    const stopGoes = !busy && !this.model.hasPendingWork;
    // A Stop that did its work vanishes; the reader's focus goes to Run, not to the page's top.
    if (stopGoes && !stop.hidden && document.activeElement === stop) required<HTMLButtonElement>(this.root, '.cell-run').focus();
    stop.hidden = stopGoes;
    stop.title = busy ? 'Stop this cell' : `Cancel what this cell left running (${waiting})`;
  }

  setState(text: string): void {
    required(this.root, '.cell-state').textContent = text;
  }
}
