import { YIELD_AT } from './prepare-cell.ts';

type Method = (this: object, ...args: unknown[]) => unknown;

/** Where a step left its task: the cell and line of the last yield it ran ('' and 0 if it ran none). */
export interface StoodAt {
  file: string;
  line: number;
}

/** Clears the cells' yield mark (./prepare-cell.ts) before a step, so that after it the mark is the step's own. */
export function clearYieldMark(scope: Record<string, unknown>): void {
  scope[YIELD_AT] = '';
}

export function readYieldMark(scope: Record<string, unknown>): StoodAt {
  const mark = String(scope[YIELD_AT] ?? '');
  const split = mark.lastIndexOf(':');
  return split < 0 ? { file: '', line: 0 } : { file: mark.slice(0, split), line: Number(mark.slice(split + 1)) };
}
type Constructor = { prototype: Record<string, unknown>; name: string };

const isClass = (value: unknown): value is Constructor =>
  typeof value === 'function' && typeof (value as { prototype?: unknown }).prototype === 'object';

/** The reader's classes as a trace sees them while a traced cell runs. */
export interface WatchedCells {
  /** An object whose step method ran, or an instance of a class that has one. */
  isTask(item: unknown): item is object;
  /** The loop's queue as it is now (front first), or [] before a loop was seen. */
  queue(): unknown[];
  /** Whether a task's step method is running. */
  inStep(): boolean;
  /** How many times the cell read the clock so far. */
  readonly clockReads: number;
  /** Gives the reader's classes (and the clock) their own methods back. */
  restore(): void;
}

/** One turn: `task`'s step method returned `value`; `clock` tells whether the turn read the time. */
export type OnTurn = (task: object, value: unknown, start: number, clock: boolean, at: StoodAt) => void;

/**
 * Watches the cells' classes for the loop trace (./loop-trace.ts), without changing the reader's
 * code: each class whose prototype has its own step method (`execute`, or the name the reader's
 * loop calls) is a task class, and the outermost call of that method is a turn; the other classes'
 * methods are wrapped only to find the loop, whose array field holding tasks is its queue. Every
 * wrapper is put back by `restore()`. A class the traced cell declares itself is caught as the
 * cell assigns it to the global object.
 */
export function watchCells(scope: Record<string, unknown>, names: Iterable<string>, ms: () => number, onTurn: OnTurn): WatchedCells {
  const restore: (() => void)[] = [];
  const tasks = new WeakSet<object>();
  const loops = new Set<object>();
  // What a loop calls on the tasks it takes from its queue: `execute`, or the reader's own name for it.
  const stepNames = new Set(['execute']);
  const classes: Constructor[] = [];
  const tasksClasses = new Set<Constructor>();
  let depth = 0;
  let clockRead = false;
  let clockReads = 0;

  /** A task: an object whose step method ran, or an instance of a class that has one. */
  const isTask = (item: unknown): item is object =>
    typeof item === 'object' && item !== null && (tasks.has(item) || [...tasksClasses].some((cls) => item instanceof (cls as unknown as new () => object)));

  /** The loop's queue: the first array field of a loop object that holds only tasks. */
  function queue(): unknown[] {
    for (const loop of loops) {
      for (const value of Object.values(loop)) {
        if (Array.isArray(value) && value.every(isTask)) return value;
      }
    }
    return [];
  }

  function wrapTask(cls: Constructor, method: string): void {
    tasksClasses.add(cls);
    const original = cls.prototype[method] as Method;
    cls.prototype[method] = function (this: object, ...args: unknown[]) {
      // An execute() that calls another (super.execute()) is one turn: the outermost call counts.
      if (depth > 0) return original.apply(this, args);
      tasks.add(this);
      const start = ms();
      clockRead = false;
      clearYieldMark(scope);
      depth += 1;
      let value: unknown;
      try {
        value = original.apply(this, args);
      } finally {
        depth -= 1;
      }
      if (typeof value === 'object' && value !== null) tasks.add(value);
      onTurn(this, value, start, clockRead, readYieldMark(scope));
      return value;
    };
    restore.push(() => (cls.prototype[method] = original));
  }

  /** A method of a class that is not a task: a call tells which object is the loop. */
  function watchLoop(cls: Constructor): void {
    for (const key of Object.getOwnPropertyNames(cls.prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, key);
      if (key === 'constructor' || typeof descriptor?.value !== 'function') continue;
      const original = descriptor.value as Method;
      cls.prototype[key] = function (this: object, ...args: unknown[]) {
        loops.add(this);
        return original.apply(this, args);
      };
      restore.push(() => (cls.prototype[key] = original));
    }
  }

  const stepMethod = (cls: Constructor) =>
    [...stepNames].find((key) => Object.hasOwn(cls.prototype, key) && typeof cls.prototype[key] === 'function');

  /** Learns the methods a loop class calls on other objects (`queue.shift().step()`), not on `this` or arrays. */
  function learnSteps(cls: Constructor): void {
    const before = stepNames.size;
    for (const [, key] of Function.prototype.toString.call(cls).matchAll(/(?<!\bthis)\.(\w+)\s*\(/g)) {
      if (!(key! in Array.prototype) && !(key! in Object.prototype)) stepNames.add(key!);
    }
    if (stepNames.size === before) return;
    for (const known of classes) {
      const method = tasksClasses.has(known) ? undefined : stepMethod(known);
      if (method !== undefined && known !== cls) wrapTask(known, method);
    }
  }

  const seen = new WeakSet<object>();
  function watch(value: unknown): void {
    if (!isClass(value) || seen.has(value)) return;
    seen.add(value);
    classes.push(value);
    const method = stepMethod(value);
    if (method !== undefined) wrapTask(value, method);
    // A subclass of a task (Sleep, Ping) runs its parent's step: neither a loop nor a new task class.
    if ([...stepNames].some((key) => typeof value.prototype[key] === 'function')) return;
    watchLoop(value);
    learnSteps(value);
  }

  for (const key of names) {
    const value = scope[key];
    watch(value);
    // A class the traced cell itself declares is caught as the cell assigns it.
    if (value === undefined) {
      let held: unknown;
      Object.defineProperty(scope, key, {
        configurable: true,
        enumerable: true,
        get: () => held,
        set(next: unknown) {
          held = next;
          watch(next);
        },
      });
      restore.push(() => {
        delete scope[key];
        if (held !== undefined) scope[key] = held;
      });
    }
  }

  // A busy wait is a Sleep checking the clock when its turns read the time.
  const clocks = [
    [Date, 'now'],
    [performance, 'now'],
  ] as const;
  for (const [owner, key] of clocks) {
    const original = owner[key].bind(owner);
    owner[key] = () => {
      clockRead = true;
      clockReads += 1;
      return original();
    };
    restore.push(() => (owner[key] = original));
  }

  return {
    isTask,
    queue,
    inStep: () => depth > 0,
    get clockReads() {
      return clockReads;
    },
    restore() {
      for (const undo of restore.reverse()) undo();
      restore.length = 0;
    },
  };
}
