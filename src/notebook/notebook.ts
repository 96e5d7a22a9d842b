import type { Kernel, RunSink } from '../kernel/page/kernel.ts';
import type { Output, RunStatus } from '../kernel/protocol.ts';
import { LANGUAGES, type Language } from '../lib/languages.ts';
import type { CellModel } from './cell-model.ts';
import { CellRuns } from './cell-runs.ts';
import type { ExecuteRequest, QueuedRun, RunHost } from './execute-request.ts';
import { createRunQueue, type RunQueue } from './run-queue.ts';

type Listener<T> = (value: T) => void;

/**
 * The page's notebook: it owns the cells' models, in reading order, the language the page shows,
 * a kernel per language (started when first asked), one run queue and one execution counter.
 * Views send the reader's intents here and draw what the models say; nothing reads state from the DOM.
 */
export class Notebook implements RunHost {
  readonly queue: RunQueue = createRunQueue();
  /** Runs of the cells: queue, stop, cancel, and the work a run leaves after its last line. */
  readonly runs: CellRuns;
  private readonly kernelsByLanguage = new Map<Language, Kernel>();
  private readonly byId: Map<string, CellModel>;
  private readonly languageListeners = new Set<Listener<Language>>();
  private shown: Language;
  private count = 0;

  constructor(
    readonly cells: readonly CellModel[],
    language: Language,
    private readonly createKernel: (language: Language) => Kernel,
  ) {
    this.byId = new Map(cells.map((cell) => [cell.id, cell]));
    this.shown = language;
    this.runs = new CellRuns(this);
    for (const cell of cells) cell.show(language);
  }

  /** The language the page shows. */
  get language(): Language {
    return this.shown;
  }

  /** Turns every cell to `language`; a cell waiting or running keeps showing the side that runs. */
  setLanguage(language: Language): void {
    if (language === this.shown) return;
    this.shown = language;
    for (const cell of this.cells) if (!this.runs.isQueued(cell)) cell.show(language);
    for (const listener of this.languageListeners) listener(language);
  }

  onLanguageChange(listener: Listener<Language>): () => void {
    this.languageListeners.add(listener);
    return () => this.languageListeners.delete(listener);
  }

  cell(id: string): CellModel | undefined {
    return this.byId.get(id);
  }

  /** The cells before `cell`, in order. */
  cellsAbove(cell: CellModel): CellModel[] {
    const index = this.cells.indexOf(cell);
    return index < 0 ? [] : this.cells.slice(0, index);
  }

  cellAfter(cell: CellModel): CellModel | undefined {
    const index = this.cells.indexOf(cell);
    return index < 0 ? undefined : this.cells[index + 1];
  }

  /** The cell whose runs are called `filename` in tracebacks and traces (`Cell 3`). */
  cellNamed(filename: string): CellModel | undefined {
    return this.cells.find((cell) => cell.filename === filename);
  }

  /** The kernel of the language the page shows now. */
  get kernel(): Kernel {
    return this.kernelFor(this.shown);
  }

  kernelFor(language: Language): Kernel {
    let kernel = this.kernelsByLanguage.get(language);
    if (!kernel) {
      kernel = this.createKernel(language);
      this.kernelsByLanguage.set(language, kernel);
    }
    return kernel;
  }

  /** The kernels that have been created, started or not, in the table's order. */
  kernels(): Kernel[] {
    return LANGUAGES.flatMap((language) => this.kernelsByLanguage.get(language) ?? []);
  }

  /**
   * Queues code on its language's kernel. `onStart` runs as it leaves the queue and returns the
   * execution count to use. Output of work the code schedules keeps reaching `sink`.
   */
  queueRun(request: ExecuteRequest, sink: RunSink, onStart: () => number = () => 0): QueuedRun {
    const kernel = this.kernelFor(request.language);
    kernel.start();
    let handle: QueuedRun['handle'];
    const job = this.queue.enqueue(() => {
      const { code, filename, trace = false } = request;
      handle = kernel.run({ code, filename, executionCount: onStart(), trace }, sink);
      return handle.done;
    });
    return {
      job,
      get handle() {
        return handle;
      },
    };
  }

  /**
   * Runs code without a cell (checks): resolves when its last line has run. Only the outputs a
   * cell would keep reach `sink` (no clear_output or display updates); `onStart` runs as the code
   * leaves the queue.
   */
  async execute(request: ExecuteRequest, sink: (output: Output) => void, onStart?: () => void): Promise<RunStatus> {
    const output: RunSink['output'] = (message) =>
      message.output_type !== 'clear_output' && message.output_type !== 'update_display_data' && sink(message);
    const run = this.queueRun(request, { output }, () => {
      onStart?.();
      return 0;
    });
    return (await run.job.result) ?? 'error';
  }

  nextExecutionCount(): number {
    return ++this.count;
  }

  /** Restart: every waiting cell leaves the queue, counting starts again at 1 (as in Jupyter), the kernels restart. */
  restart(): void {
    for (const cell of this.cells) this.runs.cancelIfWaiting(cell);
    this.count = 0;
    const started = this.kernels().filter((kernel) => kernel.status.state !== 'not-started');
    for (const kernel of started.length > 0 ? started : [this.kernel]) kernel.restart();
  }
}
