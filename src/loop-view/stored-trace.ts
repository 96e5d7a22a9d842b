import type { TraceStep } from './trace-step.ts';

/**
 * A chapter's stored trace: the steps of a cell's real run, kept with the chapter as its stored
 * output is (content/traces/NN-slug.json). The content tests check them against the real run on
 * Pyodide, CPython and the TypeScript kernel; the chapter's table is drawn from them at build time.
 */
export interface StoredStep {
  task: string;
  printed: string;
  returned: string;
  /** The queue after the step, front first. */
  queue: string[];
  /** A busy wait: the clock was checked once, or many times (how many depends on the machine). */
  clock?: 'once' | 'many';
  /** Milliseconds since the run started, to the nearest second's worth the program cares about. */
  start: number;
  end: number;
}

export type StoredTrace = Record<string, StoredStep[]>;

/** What the loop view's Returned column reads for a stored step, with "many" for the machine's count. */
export function storedReturned(step: StoredStep): string {
  if (step.clock === 'many') return `${step.returned}: checked the clock many times`;
  if (step.clock === 'once') return `${step.returned}: checked the clock 1 time`;
  return step.returned;
}

/** The loop view's row for a stored step (Step, Task, Printed, Returned, Queue after). */
export function storedCells(step: StoredStep, position: number): string[] {
  const queue = step.queue.length === 0 ? 'empty' : step.queue.join(', ');
  return [String(position + 1), step.task, step.printed.replace(/\n$/, ''), storedReturned(step), queue];
}

/** A stored run as the loop view's steps, for views that replay it on the page (chapter 1's picture). */
export function storedSteps(steps: readonly StoredStep[]): TraceStep[] {
  return steps.map((step, position) => ({
    index: position + 1,
    task: step.task,
    printed: step.printed,
    returned: step.returned,
    queue: step.queue,
    parked: [],
    count: 1,
    clock: step.clock !== undefined,
    file: '',
    line: 0,
    start: step.start,
    end: step.end,
  }));
}

/** A step of a live run as a stored one: what the side by side draws (busy waits as "once" or "many"). */
export function toStoredStep(step: TraceStep): StoredStep {
  const { task, printed, returned, queue, start, end } = step;
  if (!step.clock) return { task, printed, returned, queue, start, end };
  return { task, printed, returned, queue, start, end, clock: step.count === 1 ? 'once' : 'many' };
}
