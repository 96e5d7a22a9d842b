/** What every kernel worker serves: a session that runs cells and reports per run. */
import type { Output, PendingWork, RunStatus, TraceStep } from '../protocol.ts';

export interface RunCell {
  runId: number;
  code: string;
  filename: string;
  executionCount: number;
  /** Loop view: record the loop's turns and pass them to the sink's `trace`. */
  trace?: boolean;
}

/** What a kernel session reports, each piece tagged with the run (cell execution) it belongs to. */
export interface SessionSink {
  output(runId: number, output: Output): void;
  /** The work a run still has on the event loop after (or while) its code runs. */
  pending?(runId: number, work: PendingWork): void;
  /** Steps of a traced run's loop (src/kernel/python/loop_trace.py), in batches while it runs. */
  trace?(runId: number, steps: TraceStep[]): void;
}

export interface KernelSession {
  /** Runs a cell's code; resolves when its last line has run. Work it scheduled may go on. */
  run(cell: RunCell): Promise<RunStatus>;
  /** Resolves once the run has no work left on the loop, or after `timeoutMs`. */
  settle(runId: number, timeoutMs?: number): Promise<void>;
  /** Cancels the timers and tasks a run left on the loop. */
  cancelRun(runId: number): void;
  /** Forgets every variable, as a fresh notebook would. */
  reset(): void;
}
