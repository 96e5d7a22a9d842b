import type { PendingWork } from '../protocol.ts';

// Taken at load, before the TypeScript kernel wraps the globals to see what cells schedule.
const setTimer = globalThis.setTimeout.bind(globalThis);
const clearTimer = globalThis.clearTimeout.bind(globalThis);

const NOTHING: PendingWork = { tasks: 0, timers: 0 };
const same = (a: PendingWork, b: PendingWork) => a.tasks === b.tasks && a.timers === b.timers;

export interface PendingWatchOptions {
  /** The work each run has on the loop now; runs with none may be left out. */
  poll(): Map<number, PendingWork>;
  /** Called when a run's pending work changes, with zeros once it has none left. */
  onChange(runId: number, work: PendingWork): void;
  intervalMs?: number;
}

export interface PendingWatch {
  /** Looks now, and again every `intervalMs` while any run has work left. */
  check(): void;
  settle(runId: number, timeoutMs?: number): Promise<void>;
}

/**
 * Follows the work runs leave on the event loop, by looking rather than by being told: the loop's
 * own bookkeeping is the truth, and a look every 100 ms costs nothing while nothing is pending.
 */
export function createPendingWatch({ poll, onChange, intervalMs = 100 }: PendingWatchOptions): PendingWatch {
  let known = new Map<number, PendingWork>();
  const waiters = new Map<number, (() => void)[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function check(): void {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    const now = poll();
    for (const [runId, work] of now) {
      if (!same(known.get(runId) ?? NOTHING, work)) onChange(runId, work);
    }
    for (const runId of known.keys()) if (!now.has(runId)) onChange(runId, NOTHING);
    known = new Map([...now].filter(([, work]) => !same(work, NOTHING)));
    for (const [runId, resolvers] of waiters) {
      if (known.has(runId)) continue;
      waiters.delete(runId);
      for (const resolve of resolvers) resolve();
    }
    if (known.size > 0 || waiters.size > 0) timer = setTimer(check, intervalMs);
  }

  return {
    check,
    settle(runId, timeoutMs = 10_000) {
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimer(deadline);
          resolve();
        };
        const deadline = setTimer(() => {
          const list = waiters.get(runId) ?? [];
          waiters.set(runId, list.filter((entry) => entry !== done));
          resolve();
        }, timeoutMs);
        waiters.set(runId, [...(waiters.get(runId) ?? []), done]);
        check();
      });
    },
  };
}
