import type { Kernel, RunHandle, RunSink } from '../kernel/page/kernel.ts';
import type { Output, RunStatus } from '../kernel/protocol.ts';
import { LANGUAGE_TABLE, LANGUAGES, currentLanguage, type Language } from './language.ts';
import { createRunQueue, type QueuedJob, type RunQueue } from './run-queue.ts';

export interface ExecuteRequest {
  language: Language;
  code: string;
  /** The name tracebacks use, e.g. `Cell 3` or `Check of exercise 2`. */
  filename: string;
  /** Record the loop's turns (the loop view is open); the steps reach the sink's `trace`. */
  trace?: boolean;
}

/** A run in the queue: its job (waiting, running, done) and, once it started, its kernel run. */
export interface QueuedRun {
  readonly job: QueuedJob<RunStatus>;
  readonly handle: RunHandle | undefined;
}

/** The page's notebook: a kernel per language, one run queue and one execution counter for all cells. */
export interface Notebook {
  /** The kernel of the language the page shows now. */
  readonly kernel: Kernel;
  kernelFor(language: Language): Kernel;
  /** The kernels that have been created, started or not. */
  kernels(): Kernel[];
  readonly queue: RunQueue;
  /**
   * Queues code on its language's kernel. `onStart` runs as it leaves the queue and returns the
   * execution count to use. Output of work the code schedules keeps reaching `sink`.
   */
  queueRun(request: ExecuteRequest, sink: RunSink, onStart?: () => number): QueuedRun;
  /**
   * Runs code without a cell element (checks): resolves when its last line has run. Only the
   * outputs a cell would keep reach `sink` (no clear_output or display updates); `onStart` runs as
   * the code leaves the queue.
   */
  execute(request: ExecuteRequest, sink: (output: Output) => void, onStart?: () => void): Promise<RunStatus>;
  nextExecutionCount(): number;
  /** After a restart counting starts again at 1, as in Jupyter. */
  resetExecutionCount(): void;
}

let notebook: Notebook | undefined;

/** Creating the notebook is cheap; a kernel's worker starts only when asked. */
export function getNotebook(): Notebook {
  if (notebook) return notebook;
  let count = 0;
  const kernels: Partial<Record<Language, Kernel>> = {};
  const kernelFor = (language: Language): Kernel => (kernels[language] ??= LANGUAGE_TABLE[language].createKernel());
  const queue = createRunQueue();

  function queueRun(request: ExecuteRequest, sink: RunSink, onStart: () => number = () => 0): QueuedRun {
    const kernel = kernelFor(request.language);
    kernel.start();
    let handle: RunHandle | undefined;
    const job = queue.enqueue(
      () => {
        const { code, filename, trace = false } = request;
        handle = kernel.run({ code, filename, executionCount: onStart(), trace }, sink);
        return handle.done;
      },
      () => undefined,
    );
    return {
      job: job as QueuedJob<RunStatus>,
      get handle() {
        return handle;
      },
    };
  }

  notebook = {
    get kernel() {
      return kernelFor(currentLanguage());
    },
    kernelFor,
    kernels: () => LANGUAGES.flatMap((language) => kernels[language] ?? []),
    queue,
    queueRun,
    async execute(request, sink, onStart) {
      const output: RunSink['output'] = (message) => message.output_type !== 'clear_output' && message.output_type !== 'update_display_data' && sink(message);
      const run = queueRun(request, { output }, () => {
        onStart?.();
        return 0;
      });
      return (await run.job.result) ?? 'error';
    },
    nextExecutionCount: () => ++count,
    resetExecutionCount: () => {
      count = 0;
    },
  };
  return notebook;
}
