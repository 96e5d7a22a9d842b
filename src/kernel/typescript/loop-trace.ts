import type { ParkedTask, TraceStep } from '../protocol.ts';
import { watchAsync } from './loop-trace-asyncio.ts';
import { watchCells, type StoodAt } from './loop-trace-execute.ts';
import { watchGenerators, type GeneratorStep } from './loop-trace-generators.ts';

/** Steps kept between two flushes, as in loop_trace.py: older ones are dropped (their numbers leave a gap). */
export const LIMIT = 2000;
const FLUSH_MS = 100;
// Taken before a trace wraps performance.now to see which turns read the clock.
const clock = performance.now.bind(performance);

/** What the session tells a trace while a traced cell runs. */
export interface LoopTrace {
  /** A line the cell printed, for the step that printed it. */
  printed(text: string): void;
  /** The cell's last line ran and the work it left goes on, traced: the cell's own step, sent now. */
  cellEnded(): void;
  /** Ends the trace: the reader's classes get their own methods back, the last steps are flushed. */
  stop(): void;
  /** The steps kept (with no sink: all of them, up to the limit) and how many were dropped. */
  steps(): TraceStep[];
  readonly dropped: number;
}

export interface LoopTraceOptions {
  /** The kernel's global object, where the cells' top-level declarations live. */
  scope: Record<string, unknown>;
  /** Names the cells declared so far, the running one's included. */
  names: Iterable<string>;
  /** The traced cell's name (`Cell 3`): its own task, when it awaits. */
  filename?: string;
  sink?: (steps: TraceStep[]) => void;
  limit?: number;
  now?: () => number;
}

/**
 * The TypeScript twin of loop_trace.py for the chapters' generator loop: records each turn (which
 * ./loop-trace-execute.ts sees) as a step with the queue after it and the tasks parked off it.
 * Turns that only returned the task itself and printed nothing (a Sleep checking the clock) fold
 * into one step with a count. At most `limit` steps wait for the sink; older ones are dropped.
 */
export function startLoopTrace({ scope, names, filename = 'the cell', sink, limit = LIMIT, now = clock }: LoopTraceOptions): LoopTrace {
  const t0 = now();
  const ids = new WeakMap<object, string>();
  const perClass = new Map<string, number>();
  let rows: TraceStep[] = [];
  let fold: TraceStep | undefined;
  let index = 0;
  let dropped = 0;
  let printed = '';
  let lastFlush = t0;
  const ms = () => Math.round((now() - t0) * 1000) / 1000;

  const name = (task: unknown): string => {
    if (task === null || task === undefined) return 'null';
    if (typeof task !== 'object') return String(task);
    let found = ids.get(task);
    if (found === undefined) {
      const kind = generators.kindOf(task) ?? (task.constructor?.name || 'Task');
      const n = (perClass.get(kind) ?? 0) + 1;
      perClass.set(kind, n);
      found = `${kind}#${n}`;
      ids.set(task, found);
    }
    return found;
  };

  /** A task in the queue holds its waiter (any field that is a task); a parked waiter holds its own. */
  function parkedBy(queued: unknown[]): ParkedTask[] {
    const parked: ParkedTask[] = [];
    const holders = [...queued];
    const seen = new Set<unknown>(queued);
    while (holders.length > 0) {
      const holder = holders.shift() as object;
      for (const value of Object.values(holder)) {
        if (!isTask(value) || seen.has(value)) continue;
        seen.add(value);
        parked.push({ task: name(value), state: 'yielded', by: name(holder) });
        holders.push(value);
      }
    }
    return parked;
  }

  function add(row: TraceStep): void {
    rows.push(row);
    if (rows.length > limit) {
      rows.shift();
      dropped += 1;
    }
  }

  function flush(): void {
    lastFlush = now();
    if (!sink) return;
    const batch = [...rows, ...(fold ? [{ ...fold, turns: { ...fold.turns } }] : [])];
    rows = [];
    if (batch.length > 0) sink(batch);
  }

  function closeFold(): void {
    if (fold) add(fold);
    fold = undefined;
  }

  function turn(task: object, value: unknown, start: number, clock: boolean, { file, line }: StoodAt): void {
    const text = printed;
    printed = '';
    const who = name(task); // named first: tasks are numbered in the order they first ran
    const queued = [...cells.queue()];
    if (value !== null && value !== undefined) queued.push(value);
    const queueNames = queued.map(name);
    const end = ms();
    const returned = value === task ? 'itself' : name(value);
    const busy = value === task && text === '';
    record({ task: who, printed: text, returned, queue: queueNames, parked: parkedBy(queued), clock: busy && clock, file, line, start, end }, busy);
  }

  /** An async call's step: its first part up to the await that parks it, or its end. */
  function asyncStep(task: string, returned: string): void {
    const text = printed;
    printed = '';
    const at = ms();
    record({ task, printed: text, returned, queue: [], parked: awaiting.parked(), clock: false, file: '', line: 0, start: at, end: at }, false);
  }

  /** A bare generator's step (chapter 1's loop): folds like a Sleep's turn when it only read the clock. */
  function generatorStep(step: GeneratorStep): void {
    const busy = step.printed === '' && step.returned === 'yielded' && step.clock;
    record({ ...step, clock: busy, parked: [] }, busy);
  }

  /** Adds a step; a busy one (a turn that only read the clock) joins the open fold, which counts turns per task. */
  function record(row: Omit<TraceStep, 'index' | 'count' | 'turns'>, busy: boolean): void {
    if (busy) {
      if (!fold) {
        index += 1;
        fold = { ...row, index, count: 0, turns: {} };
      }
      fold.turns![row.task] = (fold.turns![row.task] ?? 0) + 1;
      fold.count += 1;
      fold.clock ||= row.clock;
      Object.assign(fold, { task: Object.keys(fold.turns!).join(', '), queue: row.queue, parked: row.parked, file: row.file, line: row.line, end: row.end });
    } else {
      closeFold();
      index += 1;
      add({ ...row, index, count: 1 });
    }
    if (now() - lastFlush > FLUSH_MS) flush();
  }

  let cellEnded = false;
  /** A cell that made async calls has a step of its own when its last line has run (awaited or not). */
  function endCell(): void {
    if (cellEnded || !awaiting.seen) return;
    cellEnded = true;
    asyncStep(filename, 'finished');
  }

  const declared = [...names];
  const cells = watchCells(scope, declared, ms, turn);
  const { isTask } = cells;
  const awaiting = watchAsync(scope, declared, asyncStep);
  const takePrinted = () => {
    const text = printed;
    printed = '';
    return text;
  };
  const generators = watchGenerators({
    scope,
    names: () => names,
    inStep: cells.inStep,
    clockReads: () => cells.clockReads,
    ms,
    takePrinted,
    name,
    onStep: generatorStep,
  });

  return {
    printed(text) {
      printed += text;
    },
    cellEnded() {
      endCell();
      flush();
    },
    stop() {
      generators.finish();
      generators.restore();
      cells.restore();
      awaiting.restore();
      endCell();
      closeFold();
      flush();
    },
    steps: () => [...rows, ...(fold ? [fold] : [])],
    get dropped() {
      return dropped;
    },
  };
}
