import type { KernelState, OutputMessage, PendingWork, RunStatus, TraceStep } from '../protocol.ts';

/** What the page shows about a kernel: its state and, while it starts, what it is doing. */
export interface KernelStatus {
  state: KernelState | 'not-started';
  /** While starting: what is loading; when dead: why. */
  detail: string;
  step: number;
  steps: number;
}

export interface RunRequest {
  code: string;
  /** The name tracebacks use for this cell, e.g. `Cell 3`. */
  filename: string;
  executionCount: number;
  /** Record the loop's turns for the loop view (costs nothing when false). */
  trace?: boolean;
}

/** Where a run's messages go: its cell's model, or whoever called `Notebook.execute`. */
export interface RunSink {
  output(message: OutputMessage): void;
  /** The work the run still has on the event loop; zeros once it has none. */
  pending?(work: PendingWork): void;
  /** Steps of the run's loop, when it was traced; a step whose index came before replaces it. */
  trace?(steps: TraceStep[]): void;
}

/** One execution of code. It outlives its last line: output keeps reaching the sink until `cancel()`. */
export interface RunHandle {
  /** Settles when the code's last line has run (work it scheduled may go on). */
  readonly done: Promise<RunStatus>;
  /** Cancels the work the run left on the loop and stops routing its output. */
  cancel(): void;
}

/** How a Stop was carried out: in place (variables kept) or by starting a fresh kernel (variables lost). */
export type InterruptOutcome = 'interrupted' | 'restarted';

/** Why a kernel restarted, for the notice that says what was lost. */
export interface RestartEvent {
  reason: string;
  /** The restart was not asked for as such (a Stop that could not interrupt in place). */
  fromStop: boolean;
}

/** A language runtime behind the notebook. The page's run queue makes sure runs do not overlap. */
export interface Kernel {
  /** Shown to the reader, e.g. "Python". */
  readonly label: string;
  readonly status: KernelStatus;
  /** Whether Stop can interrupt a cell and keep the kernel's state (needs cross-origin isolation). */
  readonly canInterrupt: boolean;
  /** Whether some run's code is executing now (not merely pending on the loop). */
  readonly running: boolean;
  /** Starts the runtime if it has not started; cheap to call again. */
  start(): void;
  run(request: RunRequest, sink: RunSink): RunHandle;
  /** Stops the running code: raises KeyboardInterrupt in it, or, where that is impossible, restarts. */
  interrupt(): InterruptOutcome;
  /** Ends the runtime and starts a fresh one; runs in flight end with an error saying so. */
  restart(reason?: string): void;
  onStatus(listener: (status: KernelStatus) => void): () => void;
  onRestart(listener: (event: RestartEvent) => void): () => void;
}

/**
 * Calls `then` once the kernel is no longer loading (at once if it is not): a first run waits for
 * the load, and that time is the kernel's, not the run's.
 */
export function whenLoaded(kernel: Kernel, then: () => void): void {
  if (kernel.status.state !== 'starting') {
    then();
    return;
  }
  const stop = kernel.onStatus((status) => {
    if (status.state === 'starting') return;
    stop();
    then();
  });
}
