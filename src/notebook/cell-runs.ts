import { whenLoaded, type Kernel, type RunHandle } from '../kernel/page/kernel.ts';
import type { RunStatus } from '../kernel/protocol.ts';
import type { Language } from '../lib/languages.ts';
import type { CellModel } from './cell-model.ts';
import type { QueuedRun, RunHost } from './execute-request.ts';

function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The reader stopped `cell`, whose code was running on `kernel` (the restart notice names it). */
export type StopListener = (cell: CellModel, kernel: Kernel) => void;

/**
 * The runs of a notebook's cells. A run outlives its last line: work it left on the loop keeps
 * printing into its cell until it is done, stopped, or replaced by the next run of that cell.
 */
export class CellRuns {
  private readonly queued = new Map<CellModel, QueuedRun>();
  /** Each cell's last run on its kernel's side, kept while its work may still print. */
  private readonly lastRun = new Map<CellModel, RunHandle>();
  private readonly stopListeners = new Set<StopListener>();

  constructor(private readonly notebook: RunHost) {}

  /** Whether the cell waits in the queue or runs. */
  isQueued(cell: CellModel): boolean {
    return this.queued.has(cell);
  }

  /** Whether the cell's code is executing now. */
  isRunning(cell: CellModel): boolean {
    return this.queued.get(cell)?.job.state === 'running';
  }

  onStop(listener: StopListener): () => void {
    this.stopListeners.add(listener);
    return () => this.stopListeners.delete(listener);
  }

  /** Queues the cell's code in the page's language; resolves when it has run (or left the queue). */
  async run(cell: CellModel): Promise<void> {
    const already = this.queued.get(cell);
    if (already) return already.job.result.then(() => undefined);
    const notebook = this.notebook;
    const { language, code } = cell.sideFor(notebook.language);
    // Running again replaces the earlier run: what it left on the loop goes first.
    this.cancelPendingWork(cell, '');
    cell.setRun({ phase: notebook.queue.busy ? 'waiting' : 'running', note: '' });
    let started = 0;
    const trace = cell.traceRuns;
    const queued = notebook.queueRun(
      { language, code, filename: cell.filename, trace },
      {
        output: (message) => cell.apply(message),
        pending: (work) => cell.setRun({ pending: work }),
        trace: (steps) => cell.addTrace(steps),
      },
      () => {
        const count = notebook.nextExecutionCount();
        cell.startOutputs(language, trace);
        cell.setRun({ phase: 'running', executionCount: count });
        started = performance.now();
        whenLoaded(notebook.kernelFor(language), () => (started = performance.now()));
        return count;
      },
    );
    this.queued.set(cell, queued);
    let status: RunStatus | undefined;
    try {
      status = await queued.job.result;
    } finally {
      this.queued.delete(cell);
      if (queued.handle) this.lastRun.set(cell, queued.handle);
      cell.finishRun();
      const note = status === undefined ? 'not run' : formatElapsed(performance.now() - started);
      cell.setRun({ phase: 'idle', note });
    }
  }

  /** Takes the cell out of the queue if it has not started; returns whether it was waiting. */
  cancelIfWaiting(cell: CellModel): boolean {
    const queued = this.queued.get(cell);
    return queued?.job.state === 'waiting' && queued.job.cancel();
  }

  /** Cancels what the cell's last run left on the loop, saying so in its note when `note` is given. */
  cancelPendingWork(cell: CellModel, note: string): void {
    const had = cell.hasPendingWork;
    this.lastRun.get(cell)?.cancel();
    this.lastRun.delete(cell);
    if (had) cell.setRun({ pending: { tasks: 0, timers: 0 }, note: note || cell.note });
  }

  /**
   * Stop: a waiting cell leaves the queue; running code is interrupted (or its kernel restarts);
   * a cell whose code has ended but left work on the loop has that work cancelled.
   */
  stop(cell: CellModel): void {
    if (this.cancelIfWaiting(cell)) return;
    if (this.isRunning(cell)) {
      const kernel = this.notebook.kernelFor(cell.shown);
      for (const listener of this.stopListeners) listener(cell, kernel);
      kernel.interrupt();
      return;
    }
    this.cancelPendingWork(cell, 'pending work cancelled');
  }

  /** Reset: back to the chapter's code on the side for `language`; what the last run left on the loop goes too. */
  reset(cell: CellModel, language: Language): void {
    this.cancelPendingWork(cell, '');
    cell.resetCode(language);
  }

  /** Clear outputs, unless the cell waits or runs. */
  clearOutput(cell: CellModel): void {
    if (!this.isQueued(cell)) cell.clearOutputs();
  }
}
