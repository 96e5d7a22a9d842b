/**
 * One row of the loop view: a turn of the loop (or many folded busy turns), as the kernels' tracers
 * record it (src/kernel/loop_trace.py, src/kernel/typescript/loop-trace.ts). Plain data, so it crosses
 * from the worker to the page as it is.
 *
 * TODO(lead): once src/lib/schema.ts lands, declare this with the builder and export the schema for
 * protocol.ts's `{ type: 'trace', runId, steps: TraceStep[] }` event; `isTraceStep` below is the
 * hand-written validator until then.
 */
export interface ParkedTask {
  task: string;
  /** `yielded` (a generator parked behind another task) or `awaiting` (an asyncio task or a promise). */
  state: 'yielded' | 'awaiting';
  /** Who holds it: the task whose waiter it is, or what it awaits. */
  by: string;
}

export interface TraceStep {
  /** 1-based, in the order of the run; a gap means steps were dropped to keep memory bounded. */
  index: number;
  /** The task that ran; for a fold, the tasks that took turns ("Sleep#1, Sleep#2"). */
  task: string;
  printed: string;
  /** What execute() returned (`itself`, a task's name, `None`), or what a coroutine awaits. */
  returned: string;
  /** The queue after the step, front first. */
  queue: string[];
  parked: ParkedTask[];
  /** How many turns this row stands for (1 unless busy turns were folded). */
  count: number;
  /** Whether the folded turns were a Sleep checking the clock. */
  clock: boolean;
  /** Turns per task, for a fold. */
  turns?: Record<string, number>;
  /** Where the task stands after the step: the cell's filename and line ('' and 0 when unknown). */
  file: string;
  line: number;
  /** Milliseconds since the trace started. */
  start: number;
  end: number;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isParked(value: unknown): value is ParkedTask {
  return (
    isRecord(value) &&
    isString(value['task']) &&
    (value['state'] === 'yielded' || value['state'] === 'awaiting') &&
    isString(value['by'])
  );
}

export function isTraceStep(value: unknown): value is TraceStep {
  if (!isRecord(value)) return false;
  const turns = value['turns'];
  return (
    isCount(value['index']) &&
    isString(value['task']) &&
    isString(value['printed']) &&
    isString(value['returned']) &&
    Array.isArray(value['queue']) &&
    value['queue'].every(isString) &&
    Array.isArray(value['parked']) &&
    value['parked'].every(isParked) &&
    isCount(value['count']) &&
    typeof value['clock'] === 'boolean' &&
    (turns === undefined || (isRecord(turns) && Object.values(turns).every(isCount))) &&
    isString(value['file']) &&
    isCount(value['line']) &&
    isNumber(value['start']) &&
    isNumber(value['end'])
  );
}
