import type { ParkedTask } from '../protocol.ts';

type AsyncFunction = (this: unknown, ...args: unknown[]) => Promise<unknown>;

const isAsyncFunction = (value: unknown): value is AsyncFunction =>
  typeof value === 'function' && value.constructor?.name === 'AsyncFunction';

export interface WatchedAsync {
  /** The async calls parked on a timer (or a promise), and what each awaits. */
  parked(): ParkedTask[];
  /** Whether any async call was seen. */
  readonly seen: boolean;
  restore(): void;
}

/**
 * Promises and timers for the loop trace (./loop-trace.ts): the async functions the earlier cells
 * declared are wrapped for the run, so that each call's first part, up to the await that parks it,
 * is a step ("ping#1 awaits setTimeout(3000 ms)"), and so is its end, when its promise settles. What
 * it awaits is the timer it started on the way; a promise without one reads "a promise". The page's
 * own timers are left alone; the reader's functions get themselves back on `restore()`.
 */
export function watchAsync(scope: Record<string, unknown>, names: Iterable<string>, onStep: (task: string, returned: string) => void): WatchedAsync {
  const restore: (() => void)[] = [];
  const running: string[] = [];
  const waits = new Map<string, string>();
  const calls = new Map<string, number>();
  let seen = false;

  for (const key of names) {
    const original = scope[key];
    if (!isAsyncFunction(original)) continue;
    scope[key] = function (this: unknown, ...args: unknown[]) {
      const call = `${key}#${(calls.get(key) ?? 0) + 1}`;
      calls.set(key, (calls.get(key) ?? 0) + 1);
      seen = true;
      running.push(call);
      let result: Promise<unknown>;
      try {
        result = original.apply(this, args);
      } finally {
        running.pop();
      }
      if (!waits.has(call)) waits.set(call, 'a promise');
      onStep(call, `awaits ${waits.get(call)}`);
      const settle = (how: string) => () => {
        waits.delete(call);
        onStep(call, how);
      };
      result.then(settle('finished'), settle('raised an error'));
      return result;
    };
    restore.push(() => (scope[key] = original));
  }

  // A timer started while an async call runs its first part is what that call awaits.
  const setTimer = scope['setTimeout'] as (callback: unknown, delay?: number, ...args: unknown[]) => unknown;
  scope['setTimeout'] = (callback: unknown, delay?: number, ...args: unknown[]) => {
    const call = running.at(-1);
    if (call !== undefined) waits.set(call, `setTimeout(${delay ?? 0} ms)`);
    return setTimer(callback, delay, ...args);
  };
  restore.push(() => (scope['setTimeout'] = setTimer));

  return {
    parked: () => [...waits].map(([task, by]) => ({ task, state: 'awaiting' as const, by })),
    get seen() {
      return seen;
    },
    restore() {
      for (const undo of restore.reverse()) undo();
      restore.length = 0;
    },
  };
}
