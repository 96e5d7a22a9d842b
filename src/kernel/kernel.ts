import type { KernelState, Output, RunStatus } from './protocol.ts';

/** What the page shows about a kernel: its state and, while it starts, what it is doing. */
export interface KernelStatus {
  state: KernelState | 'not-started';
  /** While starting: what is loading; when dead: why. */
  detail: string;
  step: number;
  steps: number;
}

export interface KernelRun {
  code: string;
  /** The name tracebacks use for this cell, e.g. `Cell 3`. */
  filename: string;
  executionCount: number;
  onOutput(output: Output): void;
}

/** How a Stop was carried out: in place (variables kept) or by starting a fresh kernel (variables lost). */
export type InterruptOutcome = 'interrupted' | 'restarted';

/** A language runtime behind the notebook. The page's run queue makes sure runs do not overlap. */
export interface Kernel {
  readonly language: string;
  readonly status: KernelStatus;
  /** Whether Stop can interrupt a cell and keep the kernel's state (needs cross-origin isolation). */
  readonly canInterrupt: boolean;
  /** Starts the runtime if it has not started; cheap to call again. */
  start(): void;
  run(run: KernelRun): Promise<RunStatus>;
  /** Stops the running cell: raises KeyboardInterrupt in it, or, where that is impossible, restarts. */
  interrupt(): InterruptOutcome;
  /** Ends the runtime and starts a fresh one; runs in flight end with an error saying so. */
  restart(reason?: string): void;
  onStatus(listener: (status: KernelStatus) => void): () => void;
}
