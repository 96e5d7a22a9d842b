import type { TraceStep } from './trace-step.ts';

/** Steps the page keeps per run; older ones are dropped, and the view says how many. */
export const KEPT_STEPS = 2000;

export type LaneState = 'running' | 'queued' | 'yielded' | 'awaiting' | 'done';

export interface Lane {
  task: string;
  state: LaneState;
  /** For a parked task: who holds it (its waiter link) or what it awaits. */
  by: string;
}

/**
 * The loop view's model: the steps of one traced run (filled live, replaced by index, bounded) and
 * the step the reader is looking at. Pure: no DOM, no timers, so replay can be tested on its own.
 */
export class ReplayModel {
  private byIndex = new Map<number, TraceStep>();
  private ordered: TraceStep[] = [];
  /** 0-based position in `steps`; -1 before any step arrived. */
  current = -1;
  /** Whether the reader moved away from the last step (then live steps do not move the view). */
  private pinned = false;

  constructor(private readonly limit = KEPT_STEPS) {}

  get steps(): readonly TraceStep[] {
    return this.ordered;
  }

  /** Steps the tracer or this model let go of to keep memory bounded. */
  get dropped(): number {
    const last = this.ordered.at(-1);
    return last === undefined ? 0 : last.index - this.ordered.length;
  }

  /** Adds steps; a step whose index is already here replaces it (a fold that kept growing). */
  add(steps: readonly TraceStep[]): void {
    for (const step of steps) this.byIndex.set(step.index, step);
    this.ordered = [...this.byIndex.values()].sort((a, b) => a.index - b.index);
    while (this.ordered.length > this.limit) this.byIndex.delete(this.ordered.shift()!.index);
    if (!this.pinned) this.current = this.ordered.length - 1;
    this.current = Math.min(this.current, this.ordered.length - 1);
  }

  clear(): void {
    this.byIndex.clear();
    this.ordered = [];
    this.current = -1;
    this.pinned = false;
  }

  /** Moves to a 0-based position, clamped; staying on the last step follows the live run. */
  go(position: number): void {
    if (this.ordered.length === 0) return;
    this.current = Math.max(0, Math.min(this.ordered.length - 1, Math.round(position)));
    this.pinned = this.current < this.ordered.length - 1;
  }

  first(): void {
    this.go(0);
  }
  previous(): void {
    this.go(this.current - 1);
  }
  next(): void {
    this.go(this.current + 1);
  }
  last(): void {
    this.go(this.ordered.length - 1);
  }
  get atEnd(): boolean {
    return this.current >= this.ordered.length - 1;
  }

  get step(): TraceStep | undefined {
    return this.ordered[this.current];
  }

  /** Every task seen so far, in order of first appearance: one lane each. */
  tasks(): string[] {
    const seen = new Set<string>();
    for (const step of this.ordered) {
      for (const name of [...taskNames(step), ...step.queue, ...step.parked.map((parked) => parked.task)]) seen.add(name);
    }
    return [...seen];
  }

  /** What each lane shows at `position`: running, in the queue, parked (greyed), or gone. */
  lanes(position = this.current): Lane[] {
    const step = this.ordered[position];
    if (step === undefined) return [];
    const running = new Set(taskNames(step));
    const queued = new Set(step.queue);
    const parked = new Map(step.parked.map((each) => [each.task, each]));
    return this.tasks().map((task) => {
      const held = parked.get(task);
      if (running.has(task) && held === undefined) return { task, state: 'running', by: '' };
      if (held !== undefined) return { task, state: held.state, by: held.by };
      if (queued.has(task)) return { task, state: 'queued', by: '' };
      return { task, state: 'done', by: '' };
    });
  }
}

/** The tasks that ran in a step: one, or those that took turns in a fold. */
export function taskNames(step: TraceStep): string[] {
  return step.task.split(', ');
}

/** What the Returned column reads: a fold's count ("checked the clock 41,930 times"), or what came back. */
export function describeReturned(step: TraceStep): string {
  if (step.count > 1 || step.clock) {
    const times = `${step.count.toLocaleString('en-US')} ${step.count === 1 ? 'time' : 'times'}`;
    // `itself` for a task's busy turns, `yielded` for a bare generator's.
    return step.clock ? `${step.returned}: checked the clock ${times}` : `${step.returned}, ${times}`;
  }
  return step.returned;
}

/** One sentence for the status region: where the replay stands. */
export function narrate(model: ReplayModel): string {
  const step = model.step;
  if (step === undefined) return 'No steps yet. Run the cell to record its loop.';
  return narrateStep(step, model.current, model.steps.length);
}

/** "Step 3 of 7: worker#1 ran, printed "A: step 2", yielded; queue after: worker#2, worker#1." */
export function narrateStep(step: TraceStep, position: number, count: number): string {
  const printed = step.printed.trim() === '' ? '' : `, printed ${JSON.stringify(step.printed.trim())}`;
  const queue = step.queue.length === 0 ? 'empty' : step.queue.join(', ');
  // A bare generator's step says what it did (yielded, finished); a task's what execute() returned.
  const returned = /^(yielded|finished)\b/.test(step.returned) ? step.returned : `returned ${describeReturned(step)}`;
  return `Step ${position + 1} of ${count}: ${step.task} ran${printed}, ${returned}; queue after: ${queue}.`;
}
