import type { Kernel, RunHandle, RunSink } from '../kernel/page/kernel.ts';
import type { RunStatus } from '../kernel/protocol.ts';
import type { Language } from '../lib/languages.ts';
import type { QueuedJob, RunQueue } from './run-queue.ts';

/** Code to run on a language's kernel, with or without a cell. */
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

/** What the runs of cells need from the notebook that owns them (src/notebook/notebook.ts). */
export interface RunHost {
  readonly language: Language;
  readonly queue: RunQueue;
  kernelFor(language: Language): Kernel;
  queueRun(request: ExecuteRequest, sink: RunSink, onStart?: () => number): QueuedRun;
  nextExecutionCount(): number;
}
