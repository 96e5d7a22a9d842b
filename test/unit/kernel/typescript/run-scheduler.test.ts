import { createClock, type Clock } from '@sinonjs/fake-timers';
import { beforeEach, describe, expect, it } from 'vitest';
import { installRunScheduler, type RunScheduler } from '../../../../src/kernel/typescript/run-scheduler.ts';

/** A stand-in for the worker's global object, on a clock the test moves by hand. */
interface Host {
  setTimeout: Clock['setTimeout'];
  setInterval: Clock['setInterval'];
  clearTimeout: Clock['clearTimeout'];
  clearInterval: Clock['clearInterval'];
  queueMicrotask: Clock['queueMicrotask'];
}

let clock: Clock;
let host: Host;
let original: Host;
let errors: [number, unknown][];
let scheduler: RunScheduler;

beforeEach(() => {
  clock = createClock();
  original = {
    setTimeout: clock.setTimeout,
    setInterval: clock.setInterval,
    clearTimeout: clock.clearTimeout,
    clearInterval: clock.clearInterval,
    queueMicrotask: clock.queueMicrotask,
  };
  host = { ...original };
  errors = [];
  scheduler = installRunScheduler((runId, error) => errors.push([runId, error]), host as unknown as typeof globalThis);
});

describe('installRunScheduler', () => {
  it('replaces the host timer functions, and uninstall puts the very same ones back', () => {
    expect(host.setTimeout).not.toBe(original.setTimeout);
    expect(host.setInterval).not.toBe(original.setInterval);
    expect(host.clearTimeout).not.toBe(original.clearTimeout);
    expect(host.clearInterval).not.toBe(original.clearInterval);
    expect(host.queueMicrotask).not.toBe(original.queueMicrotask);
    scheduler.uninstall();
    expect(host).toEqual(original);
    expect(host.setTimeout).toBe(original.setTimeout);
  });

  it('after uninstall, new timers are no longer counted', () => {
    scheduler.uninstall();
    scheduler.enter(1);
    host.setTimeout(() => undefined, 10);
    expect(scheduler.pending().size).toBe(0);
  });
});

describe('which run is current', () => {
  it('a timeout runs under the run that scheduled it, whatever ran since', () => {
    const seen: number[] = [];
    scheduler.enter(1);
    host.setTimeout(() => seen.push(scheduler.current), 20);
    scheduler.enter(2);
    host.setTimeout(() => seen.push(scheduler.current), 10);
    scheduler.enter(3);
    clock.tick(20);
    expect(seen).toEqual([2, 1]);
  });

  it('passes the extra arguments to the callback', () => {
    const seen: unknown[] = [];
    scheduler.enter(1);
    host.setTimeout((a: unknown, b: unknown) => seen.push(a, b), 5, 'x', 42);
    clock.tick(5);
    expect(seen).toEqual(['x', 42]);
  });

  it('every tick of an interval runs under its run', () => {
    const seen: number[] = [];
    scheduler.enter(4);
    host.setInterval(() => seen.push(scheduler.current), 10);
    scheduler.enter(5);
    clock.tick(10);
    scheduler.enter(6);
    clock.tick(20);
    expect(seen).toEqual([4, 4, 4]);
  });

  it('a timer scheduled from a callback belongs to the callback’s run', () => {
    const seen: number[] = [];
    scheduler.enter(1);
    host.setTimeout(() => {
      host.setTimeout(() => seen.push(scheduler.current), 10);
    }, 10);
    scheduler.enter(2);
    clock.tick(10);
    expect(scheduler.pending().get(1)?.timers).toBe(1);
    scheduler.enter(2);
    clock.tick(10);
    expect(seen).toEqual([1]);
  });

  it('a microtask runs under the run that queued it', () => {
    const seen: number[] = [];
    scheduler.enter(7);
    host.queueMicrotask(() => seen.push(scheduler.current));
    scheduler.enter(8);
    clock.runMicrotasks();
    expect(seen).toEqual([7]);
  });
});

describe('pending', () => {
  it('counts timers and intervals per run', () => {
    scheduler.enter(1);
    host.setTimeout(() => undefined, 10);
    host.setInterval(() => undefined, 10);
    scheduler.enter(2);
    host.setTimeout(() => undefined, 10);
    expect(scheduler.pending()).toEqual(
      new Map([
        [1, { tasks: 0, timers: 2 }],
        [2, { tasks: 0, timers: 1 }],
      ]),
    );
  });

  it('a timeout no longer counts once it fired or was cleared', () => {
    scheduler.enter(1);
    host.setTimeout(() => undefined, 10);
    const cleared = host.setTimeout(() => undefined, 50);
    clock.tick(10);
    expect(scheduler.pending().get(1)).toEqual({ tasks: 0, timers: 1 });
    host.clearTimeout(cleared);
    expect(scheduler.pending().size).toBe(0);
  });

  it('an interval counts until it is cleared, also from its own callback', () => {
    scheduler.enter(1);
    let ticks = 0;
    const id = host.setInterval(() => {
      ticks += 1;
      if (ticks === 3) host.clearInterval(id);
    }, 10);
    clock.tick(20);
    expect(scheduler.pending().get(1)?.timers).toBe(1);
    clock.tick(100);
    expect(ticks).toBe(3);
    expect(scheduler.pending().size).toBe(0);
  });

  it('a timeout that throws no longer counts', () => {
    scheduler.enter(1);
    host.setTimeout(() => {
      throw new Error('boom');
    }, 10);
    clock.tick(10);
    expect(scheduler.pending().size).toBe(0);
  });

  it('a string to evaluate is left to the host and not counted', () => {
    scheduler.enter(1);
    const calls: unknown[][] = [];
    host.setTimeout = ((...args: unknown[]) => {
      calls.push(args);
      return 0;
    }) as unknown as Host['setTimeout'];
    // Reinstall over the recording host function to see what reaches it.
    const over = installRunScheduler(() => undefined, host as unknown as typeof globalThis);
    over.enter(1);
    (host.setTimeout as unknown as (code: string, ms: number) => unknown)('1 + 1', 5);
    expect(calls).toEqual([['1 + 1', 5]]);
    expect(over.pending().size).toBe(0);
    over.uninstall();
  });
});

describe('cancel', () => {
  it("clears only that run's timers and intervals", () => {
    const fired: string[] = [];
    scheduler.enter(1);
    host.setTimeout(() => fired.push('1 timeout'), 10);
    host.setInterval(() => fired.push('1 interval'), 10);
    scheduler.enter(2);
    host.setTimeout(() => fired.push('2 timeout'), 10);
    host.setInterval(() => fired.push('2 interval'), 10);
    scheduler.cancel(1);
    expect([...scheduler.pending().keys()]).toEqual([2]);
    clock.tick(10);
    expect(fired.sort()).toEqual(['2 interval', '2 timeout']);
    clock.tick(10);
    expect(fired.filter((entry) => entry.startsWith('1'))).toEqual([]);
  });

  it('of a run with nothing scheduled changes nothing', () => {
    scheduler.enter(2);
    host.setTimeout(() => undefined, 10);
    scheduler.cancel(1);
    expect(scheduler.pending().get(2)?.timers).toBe(1);
  });
});

describe('errors in callbacks', () => {
  it('a throwing timeout is reported with its run, and the other timers still fire', () => {
    const fired: number[] = [];
    const error = new Error('boom');
    scheduler.enter(1);
    host.setTimeout(() => {
      throw error;
    }, 10);
    scheduler.enter(2);
    host.setTimeout(() => fired.push(scheduler.current), 10);
    expect(() => clock.tick(10)).not.toThrow();
    expect(errors).toEqual([[1, error]]);
    expect(fired).toEqual([2]);
  });

  it('a throwing interval is reported at every tick and keeps ticking', () => {
    scheduler.enter(3);
    host.setInterval(() => {
      throw new TypeError('again');
    }, 10);
    clock.tick(30);
    expect(errors.map(([runId, error]) => [runId, (error as Error).message])).toEqual([
      [3, 'again'],
      [3, 'again'],
      [3, 'again'],
    ]);
  });

  it('a throwing microtask is reported with its run', () => {
    scheduler.enter(5);
    host.queueMicrotask(() => {
      throw 'not an Error';
    });
    clock.runMicrotasks();
    expect(errors).toEqual([[5, 'not an Error']]);
  });
});
