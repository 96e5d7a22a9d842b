/**
 * The only messages that cross between the page and a kernel worker, each declared once: the type
 * is inferred from the declaration and the validator is the declaration. Both ends validate what
 * they receive instead of casting `event.data`. The output vocabulary is Jupyter's.
 */
import { array, boolean, count, custom, literal, number, object, optional, record, string, tagged, type Infer, isRecord } from '../lib/schema.ts';

/** A MIME bundle, as in Jupyter: `text/plain` is always present. */
export interface MimeBundle {
  'text/plain': string;
  [mime: string]: string;
}
const mimeBundle = custom(
  (value): value is MimeBundle =>
    isRecord(value) && typeof value['text/plain'] === 'string' && Object.values(value).every((item) => typeof item === 'string'),
);
const transient = custom((value): value is { display_id: string } => isRecord(value) && typeof value['display_id'] === 'string');

const OUTPUTS = {
  stream: { name: literal('stdout', 'stderr'), text: string },
  execute_result: { execution_count: count, data: mimeBundle },
  display_data: { data: mimeBundle, transient: optional(transient) },
  error: { ename: string, evalue: string, traceback: array(string) },
} as const;

/** What a cell's output holds, as nbformat stores it. */
export const output = tagged('output_type', OUTPUTS);
export type Output = Infer<typeof output>;
export const isOutput = output.is;

/** Output messages that change what a cell shows without being stored themselves. */
export const outputMessage = tagged('output_type', {
  ...OUTPUTS,
  update_display_data: { data: mimeBundle, transient },
  /** `wait`: clear when the next output arrives, so a redraw does not flicker. */
  clear_output: { wait: boolean },
});
export type OutputMessage = Infer<typeof outputMessage>;

export const kernelState = literal('starting', 'idle', 'busy', 'dead');
export type KernelState = Infer<typeof kernelState>;
export const runStatus = literal('ok', 'error');
export type RunStatus = Infer<typeof runStatus>;

/** The work a run still has on the event loop: tasks not finished, callbacks and timers not fired. */
export interface PendingWork {
  tasks: number;
  timers: number;
}

/** A task parked off the queue: `yielded` (a generator behind another task) or `awaiting` (asyncio, a promise). */
const parkedTask = object({ task: string, state: literal('yielded', 'awaiting'), by: string });

/**
 * One row of the loop view: a turn of the loop (or many folded busy turns), as the kernels' tracers
 * record it (src/kernel/python/loop_trace.py, src/kernel/typescript/loop-trace.ts).
 */
export const traceStep = object({
  /** 1-based, in the order of the run; a gap means steps were dropped to keep memory bounded. */
  index: count,
  /** The task that ran; for a fold, the tasks that took turns ("Sleep#1, Sleep#2"). */
  task: string,
  printed: string,
  /** What execute() returned (`itself`, a task's name, `None`), or what a coroutine awaits. */
  returned: string,
  /** The queue after the step, front first. */
  queue: array(string),
  /** Tasks off the queue and who holds them (a waiter link) or what they await. */
  parked: array(parkedTask),
  /** How many turns this row stands for (1 unless busy turns were folded). */
  count,
  /** Whether the folded turns were a Sleep checking the clock. */
  clock: boolean,
  /** Turns per task, for a fold. */
  turns: optional(record(count)),
  /** Where the task stands after the step: the cell's filename and line ('' and 0 when unknown). */
  file: string,
  line: count,
  /** Milliseconds since the trace started. */
  start: number,
  end: number,
});
export type TraceStep = Infer<typeof traceStep>;
export type ParkedTask = Infer<typeof parkedTask>;

const anything = custom((value): value is unknown => value !== undefined);

/**
 * What the Python runner (src/kernel/python/runner.py) reports to its session through
 * `emit(run_id, kind, payload)`, besides the streams it writes: the session turns each into the
 * page's messages above. Declared here so the two sides of that call cannot drift apart either.
 */
export const runnerReport = tagged('kind', {
  /** Text for the run's stderr (a message about an error nobody caught). */
  stream: { payload: string },
  /** The `repr` of a cell's last expression. */
  execute_result: { payload: string },
  display_data: { payload: mimeBundle },
  /** Steps the loop trace recorded; each is validated on its own (traceStep), so one bad step is reported, not the batch. */
  trace: { payload: array(anything) },
  error: { payload: object({ ename: string, evalue: string, traceback: array(string) }) },
});
export type RunnerReport = Infer<typeof runnerReport>;

const sharedBuffer = custom(
  (value): value is SharedArrayBuffer => typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer,
);

/** Page to worker. */
export const kernelRequest = tagged('type', {
  run: {
    runId: count,
    code: string,
    /** Shown in tracebacks, e.g. `Cell 3`. */
    filename: string,
    executionCount: count,
    /** Loop view: record the loop's turns and send them as `trace` events. */
    trace: optional(boolean),
  },
  /** First message: a one-byte shared buffer Python checks for a pending Ctrl+C (cross-origin isolated pages only). */
  init: { interruptBuffer: sharedBuffer },
  /** Stops the cell that is running if it is awaiting; a busy cell is stopped through the interrupt buffer. */
  interrupt: {},
  /** Cancels what a run left on the loop (timers, intervals, tasks): its cell is re-run, reset or stopped. */
  cancel: { runId: count },
  reset: {},
});
export type KernelRequest = Infer<typeof kernelRequest>;
export const isKernelRequest = kernelRequest.is;

/** Worker to page. */
export const kernelEvent = tagged('type', {
  progress: { stage: string, step: count, steps: count },
  ready: { version: string },
  /** Any time after the run started, also after `done`: late output belongs to the run that caused it. */
  output: { runId: count, output: outputMessage },
  /** The run's code has finished; work it scheduled may still be pending. */
  done: { runId: count, status: runStatus },
  /** The run's pending work changed; zeros mean it has none left. */
  pending: { runId: count, tasks: count, timers: count },
  /** Steps of a traced run's loop, in batches while it runs; a step whose index was sent before replaces it. */
  trace: { runId: count, steps: array(traceStep) },
  fatal: { message: string },
});
export type KernelEvent = Infer<typeof kernelEvent>;
export const isKernelEvent = kernelEvent.is;
