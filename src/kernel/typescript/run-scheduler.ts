/**
 * Which run (cell execution) the TypeScript kernel is serving. JavaScript has no context that
 * follows callbacks, so the kernel keeps it by hand: every timer and interval a cell schedules
 * carries the cell's run and makes it current again when it fires; promise jobs that a callback
 * starts run right after it, still under the same run. That is what lets a `setTimeout` at the end
 * of a cell print into that cell after its last line.
 */
type Handle = ReturnType<typeof setTimeout>;
type Callback = (...args: unknown[]) => void;

interface Scheduled {
  runId: number;
  repeat: boolean;
}

export interface RunScheduler {
  /** The run whose code or callback is executing (or ran last). */
  readonly current: number;
  enter(runId: number): void;
  /** Timers and intervals per run that have not fired (or been cleared) yet. */
  pending(): Map<number, { tasks: number; timers: number }>;
  /** Clears what a run left scheduled. */
  cancel(runId: number): void;
  /** Puts the host's own timer functions back. */
  uninstall(): void;
}

/** Wraps the host's timer functions; a callback that throws is reported to its run, not the console. */
export function installRunScheduler(onError: (runId: number, error: unknown) => void, host = globalThis): RunScheduler {
  const real = {
    setTimeout: host.setTimeout,
    setInterval: host.setInterval,
    clearTimeout: host.clearTimeout,
    clearInterval: host.clearInterval,
    queueMicrotask: host.queueMicrotask,
  };
  const scheduled = new Map<Handle, Scheduled>();
  let current = 0;

  function guarded(runId: number, callback: Callback, args: unknown[], handle: () => Handle | undefined): () => void {
    return () => {
      const entry = handle();
      if (entry !== undefined && !scheduled.get(entry)?.repeat) scheduled.delete(entry);
      current = runId;
      try {
        callback(...args);
      } catch (error) {
        onError(runId, error);
      }
    };
  }

  function schedule(repeat: boolean) {
    const start = repeat ? real.setInterval : real.setTimeout;
    return (callback: unknown, delay?: number, ...args: unknown[]): Handle => {
      // A string to evaluate is the host's business; no cell here does that.
      if (typeof callback !== 'function') return (start as (...a: unknown[]) => Handle).call(host, callback, delay, ...args);
      const runId = current;
      let id: Handle | undefined;
      id = (start as (f: () => void, ms?: number) => Handle).call(host, guarded(runId, callback as Callback, args, () => id), delay);
      scheduled.set(id, { runId, repeat });
      return id;
    };
  }

  function clear(stop: typeof clearTimeout) {
    return (id?: Handle | number | string) => {
      scheduled.delete(id as Handle);
      stop.call(host, id as Handle);
    };
  }

  const wrapped = {
    setTimeout: schedule(false),
    setInterval: schedule(true),
    clearTimeout: clear(real.clearTimeout),
    clearInterval: clear(real.clearInterval),
    queueMicrotask: (callback: VoidFunction) => {
      const runId = current;
      real.queueMicrotask.call(host, guarded(runId, callback, [], () => undefined));
    },
  };
  Object.assign(host, wrapped);

  return {
    get current() {
      return current;
    },
    enter(runId) {
      current = runId;
    },
    pending() {
      const counts = new Map<number, { tasks: number; timers: number }>();
      for (const { runId } of scheduled.values()) {
        const entry = counts.get(runId) ?? { tasks: 0, timers: 0 };
        entry.timers += 1;
        counts.set(runId, entry);
      }
      return counts;
    },
    cancel(runId) {
      for (const [id, entry] of scheduled) {
        if (entry.runId !== runId) continue;
        scheduled.delete(id);
        (entry.repeat ? real.clearInterval : real.clearTimeout).call(host, id);
      }
    },
    uninstall() {
      Object.assign(host, real);
    },
  };
}
