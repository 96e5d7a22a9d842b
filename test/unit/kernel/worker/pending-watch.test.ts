import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PendingWork } from '../../../../src/kernel/protocol.ts';

// The watch takes setTimeout when it loads (before a kernel wraps the globals), so the fake clock
// must be in place first, and stay for the whole file.
vi.useFakeTimers();
const { createPendingWatch } = await import('../../../../src/kernel/worker/pending-watch.ts');

afterEach(() => {
  vi.clearAllTimers();
});

/** A watch over a table of work the test edits by hand, recording every change it reports. */
function setup(intervalMs = 100) {
  const work = new Map<number, PendingWork>();
  const changes: [number, PendingWork][] = [];
  let polls = 0;
  const watch = createPendingWatch({
    poll: () => {
      polls += 1;
      return new Map(work);
    },
    onChange: (runId, next) => changes.push([runId, next]),
    intervalMs,
  });
  return {
    watch,
    work,
    changes,
    get polls() {
      return polls;
    },
  };
}

/** Tracks whether a promise has resolved, without awaiting it. */
function track(promise: Promise<void>): { resolved: boolean } {
  const state = { resolved: false };
  void promise.then(() => {
    state.resolved = true;
  });
  return state;
}

describe('createPendingWatch: changes', () => {
  it('reports a run that has work, once, until the work changes', () => {
    const { watch, work, changes } = setup();
    work.set(1, { tasks: 0, timers: 2 });
    watch.check();
    watch.check();
    expect(changes).toEqual([[1, { tasks: 0, timers: 2 }]]);
    work.set(1, { tasks: 1, timers: 2 });
    watch.check();
    expect(changes).toEqual([
      [1, { tasks: 0, timers: 2 }],
      [1, { tasks: 1, timers: 2 }],
    ]);
  });

  it('reports zeros once a run disappears from the poll, and only once', () => {
    const { watch, work, changes } = setup();
    work.set(1, { tasks: 0, timers: 1 });
    watch.check();
    work.delete(1);
    watch.check();
    watch.check();
    expect(changes).toEqual([
      [1, { tasks: 0, timers: 1 }],
      [1, { tasks: 0, timers: 0 }],
    ]);
  });

  it('reports zeros once when a known run is polled with zeros', () => {
    const { watch, work, changes } = setup();
    work.set(1, { tasks: 2, timers: 0 });
    watch.check();
    work.set(1, { tasks: 0, timers: 0 });
    watch.check();
    watch.check();
    expect(changes).toEqual([
      [1, { tasks: 2, timers: 0 }],
      [1, { tasks: 0, timers: 0 }],
    ]);
  });

  it('says nothing about a run that never had work', () => {
    const { watch, work, changes } = setup();
    work.set(5, { tasks: 0, timers: 0 });
    watch.check();
    expect(changes).toEqual([]);
  });

  it('follows runs separately', () => {
    const { watch, work, changes } = setup();
    work.set(1, { tasks: 0, timers: 1 });
    work.set(2, { tasks: 1, timers: 0 });
    watch.check();
    work.delete(1);
    watch.check();
    expect(changes).toEqual([
      [1, { tasks: 0, timers: 1 }],
      [2, { tasks: 1, timers: 0 }],
      [1, { tasks: 0, timers: 0 }],
    ]);
  });
});

describe('createPendingWatch: polling', () => {
  it('looks again every interval while a run has work, and reports what changed meanwhile', () => {
    const watch = setup(50);
    watch.work.set(1, { tasks: 0, timers: 1 });
    watch.watch.check();
    const after = watch.polls;
    vi.advanceTimersByTime(50);
    expect(watch.polls).toBe(after + 1);
    watch.work.delete(1);
    vi.advanceTimersByTime(50);
    expect(watch.changes.at(-1)).toEqual([1, { tasks: 0, timers: 0 }]);
  });

  it('stops looking once no run has work', () => {
    const watch = setup(50);
    watch.work.set(1, { tasks: 0, timers: 1 });
    watch.watch.check();
    watch.work.delete(1);
    vi.advanceTimersByTime(50);
    const after = watch.polls;
    vi.advanceTimersByTime(10_000);
    expect(watch.polls).toBe(after);
  });

  it('never looks on its own while nothing is pending', () => {
    const watch = setup(50);
    watch.watch.check();
    vi.advanceTimersByTime(10_000);
    expect(watch.polls).toBe(1);
  });

  it('repeated checks keep a single timer, not one each', () => {
    const watch = setup(50);
    watch.work.set(1, { tasks: 0, timers: 1 });
    for (let i = 0; i < 5; i += 1) watch.watch.check();
    const after = watch.polls;
    vi.advanceTimersByTime(50);
    expect(watch.polls).toBe(after + 1);
  });
});

describe('createPendingWatch: settle', () => {
  it('resolves at once when the run has no work', async () => {
    const { watch } = setup();
    const state = track(watch.settle(1));
    await Promise.resolve();
    expect(state.resolved).toBe(true);
  });

  it('waits while the run has work and resolves at the first look that finds none', async () => {
    const { watch, work } = setup(100);
    work.set(1, { tasks: 0, timers: 1 });
    const state = track(watch.settle(1));
    await vi.advanceTimersByTimeAsync(300);
    expect(state.resolved).toBe(false);
    work.delete(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(state.resolved).toBe(true);
  });

  it('does not wait for the work of another run', async () => {
    const { watch, work } = setup();
    work.set(2, { tasks: 0, timers: 1 });
    const state = track(watch.settle(1));
    await Promise.resolve();
    expect(state.resolved).toBe(true);
  });

  it('resolves after its timeout when the work never ends', async () => {
    const { watch, work } = setup(100);
    work.set(1, { tasks: 0, timers: 1 });
    const state = track(watch.settle(1, 1000));
    await vi.advanceTimersByTimeAsync(999);
    expect(state.resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.resolved).toBe(true);
  });

  it('has a default timeout of ten seconds', async () => {
    const { watch, work } = setup(100);
    work.set(1, { tasks: 0, timers: 1 });
    const state = track(watch.settle(1));
    await vi.advanceTimersByTimeAsync(9_900);
    expect(state.resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(state.resolved).toBe(true);
  });

  it('resolves every waiter of the run', async () => {
    const { watch, work } = setup(100);
    work.set(1, { tasks: 1, timers: 0 });
    const first = track(watch.settle(1));
    const second = track(watch.settle(1));
    work.delete(1);
    await vi.advanceTimersByTimeAsync(100);
    expect([first.resolved, second.resolved]).toEqual([true, true]);
  });

  it('a waiter that timed out leaves the others of its run waiting', async () => {
    const { watch, work } = setup(100);
    work.set(1, { tasks: 1, timers: 0 });
    const short = track(watch.settle(1, 200));
    const long = track(watch.settle(1, 5000));
    await vi.advanceTimersByTimeAsync(200);
    expect([short.resolved, long.resolved]).toEqual([true, false]);
    work.delete(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(long.resolved).toBe(true);
  });

  it('once settled, nothing keeps looking', async () => {
    const watch = setup(100);
    watch.work.set(1, { tasks: 1, timers: 0 });
    const state = track(watch.watch.settle(1));
    watch.work.delete(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(state.resolved).toBe(true);
    const after = watch.polls;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(watch.polls).toBe(after);
  });
});
