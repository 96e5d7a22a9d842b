import { clearYieldMark, readYieldMark, type StoodAt } from './loop-trace-execute.ts';

/** A settled step of a bare generator: everything a trace row needs but its number. */
export interface GeneratorStep extends StoodAt {
  task: string;
  printed: string;
  returned: string;
  queue: string[];
  /** Whether the step read the clock (a busy wait, when it also printed nothing and only yielded). */
  clock: boolean;
  start: number;
  end: number;
}

export interface GeneratorWatchOptions {
  scope: Record<string, unknown>;
  /** The cells' declared names, read again when an unknown generator steps (the traced cell declares its own). */
  names: () => Iterable<string>;
  /** Whether a task's step method is running: the generator it steps is its own, not the loop's. */
  inStep: () => boolean;
  /** How many times the clock has been read so far. */
  clockReads: () => number;
  ms: () => number;
  /** What the cell printed since the last call. */
  takePrinted: () => string;
  name: (task: unknown) => string;
  onStep: (step: GeneratorStep) => void;
}

export interface WatchedGenerators {
  /** The generator function a generator object came from, when a cell declared it. */
  kindOf(item: object): string | undefined;
  /** The loop has ended: its last step sees the queue as it is left. */
  finish(): void;
  restore(): void;
}

type GeneratorNext = (this: Generator, ...args: [] | [unknown]) => IteratorResult<unknown>;
// %GeneratorPrototype%: every generator object's next() is this one.
const generatorPrototype = Object.getPrototypeOf(function* () {}).prototype as { next: GeneratorNext };
const isGeneratorFunction = (value: unknown): value is { prototype: object } =>
  typeof value === 'function' && value.constructor?.name === 'GeneratorFunction';

const described = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/**
 * The TypeScript twin of loop_trace_generators.py: chapter 1's loop, plain generators in an array
 * stepped with next() by a loop in a cell. Each outermost next() on a generator a cell declared is a
 * step. Its row waits for the next step (or the end) to learn the queue after it: the array as it
 * is then, with the generator about to run back at its front, since the loop has just taken it.
 */
export function watchGenerators(options: GeneratorWatchOptions): WatchedGenerators {
  const { scope, inStep, clockReads, ms, takePrinted, name, onStep } = options;
  const kinds = new WeakMap<object, string>();
  let depth = 0;
  let queue: unknown[] | undefined;
  let pending: { generator: object; step: GeneratorStep } | undefined;

  function learnKinds(): void {
    for (const key of options.names()) {
      const value = scope[key];
      if (isGeneratorFunction(value)) kinds.set(value.prototype, key);
    }
  }

  function kindOf(item: object): string | undefined {
    const prototype = Object.getPrototypeOf(item) as object | null;
    if (prototype === null) return undefined;
    if (!kinds.has(prototype)) learnKinds();
    return kinds.get(prototype);
  }

  /** The loop's queue: a declared array that holds generators of the cells. */
  function findQueue(): unknown[] | undefined {
    for (const key of options.names()) {
      const value = scope[key];
      if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'object' && item !== null && kindOf(item))) return value;
    }
    return undefined;
  }

  function settle(next?: object): void {
    if (!pending) return;
    const items = [...(queue ?? [])];
    if (next !== undefined && !items.includes(next)) items.unshift(next);
    onStep({ ...pending.step, queue: items.map(name) });
    pending = undefined;
  }

  const original = generatorPrototype.next;
  generatorPrototype.next = function (this: Generator, ...args: [] | [unknown]) {
    if (depth > 0 || inStep() || kindOf(this) === undefined) return original.apply(this, args);
    queue ??= findQueue();
    settle(this);
    takePrinted(); // the loop's own output is no task's
    const start = ms();
    const reads = clockReads();
    clearYieldMark(scope);
    depth += 1;
    let result: IteratorResult<unknown>;
    try {
      result = original.apply(this, args);
    } finally {
      depth -= 1;
    }
    const { done, value } = result;
    const returned = done ? (value === undefined ? 'finished' : `finished, returned ${described(value)}`) : value === undefined ? 'yielded' : `yielded ${described(value)}`;
    const at = readYieldMark(scope);
    pending = { generator: this, step: { task: name(this), printed: takePrinted(), returned, queue: [], clock: clockReads() !== reads, start, end: ms(), ...at } };
    return result;
  };

  return {
    kindOf,
    finish: () => settle(),
    restore() {
      generatorPrototype.next = original;
    },
  };
}
