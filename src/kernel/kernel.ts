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

/** A language runtime behind the notebook. The page's run queue makes sure runs do not overlap. */
export interface Kernel {
  readonly language: string;
  readonly status: KernelStatus;
  /** Starts the runtime if it has not started; cheap to call again. */
  start(): void;
  run(run: KernelRun): Promise<RunStatus>;
  onStatus(listener: (status: KernelStatus) => void): () => void;
}
