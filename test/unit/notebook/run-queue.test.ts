import { describe, expect, it, vi } from 'vitest';
import { createDeferred, type Deferred } from '../../../src/lib/deferred.ts';
import { createRunQueue, type QueuedJob } from '../../../src/notebook/run-queue.ts';

/** Lets every queued microtask (promise continuation) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

/** A job whose end the test controls, recording when it starts. */
function controlledJob<T>(log: string[], name: string) {
  const deferred: Deferred<T> = createDeferred<T>();
  const work = vi.fn(() => {
    log.push(`start ${name}`);
    return deferred.promise.finally(() => log.push(`end ${name}`));
  });
  return { work, deferred };
}

describe('createRunQueue', () => {
  it('starts a job on an idle queue at once', () => {
    const queue = createRunQueue();
    const work = vi.fn(() => new Promise<never>(() => {}));
    const job = queue.enqueue(work);
    expect(work).toHaveBeenCalledTimes(1);
    expect(job.state).toBe('running');
    expect(queue.busy).toBe(true);
    expect(queue.size).toBe(0);
  });

  it('runs jobs strictly one at a time, in the order they were queued', async () => {
    const queue = createRunQueue();
    const log: string[] = [];
    const a = controlledJob<string>(log, 'a');
    const b = controlledJob<string>(log, 'b');
    const c = controlledJob<string>(log, 'c');
    const jobA = queue.enqueue(a.work);
    const jobB = queue.enqueue(b.work);
    const jobC = queue.enqueue(c.work);

    expect(log).toEqual(['start a']);
    expect([jobA.state, jobB.state, jobC.state]).toEqual(['running', 'waiting', 'waiting']);
    expect(queue.size).toBe(2);

    // Finishing a later job's promise early must not let it overtake.
    c.deferred.resolve('C');
    await settle();
    expect(log).toEqual(['start a']);

    a.deferred.resolve('A');
    await expect(jobA.result).resolves.toBe('A');
    await settle();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    expect([jobA.state, jobB.state, jobC.state]).toEqual(['done', 'running', 'waiting']);

    b.deferred.resolve('B');
    await expect(jobB.result).resolves.toBe('B');
    await expect(jobC.result).resolves.toBe('C');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect([jobA.state, jobB.state, jobC.state]).toEqual(['done', 'done', 'done']);
    await settle();
    expect(queue.busy).toBe(false);
    expect(queue.size).toBe(0);
  });

  it('never has two jobs running at once', async () => {
    const queue = createRunQueue();
    let active = 0;
    let maxActive = 0;
    const jobs = Array.from({ length: 20 }, (_, i) =>
      queue.enqueue(async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        for (let tick = 0; tick < (i % 4) + 1; tick += 1) await Promise.resolve();
        active -= 1;
        return i;
      }),
    );
    await expect(Promise.all(jobs.map((job) => job.result))).resolves.toEqual(jobs.map((_, i) => i));
    expect(maxActive).toBe(1);
  });

  it('runs a job queued while another runs after it, waiting meanwhile', async () => {
    const queue = createRunQueue();
    const log: string[] = [];
    const first = controlledJob<number>(log, 'first');
    const jobFirst = queue.enqueue(first.work);
    await settle();
    const secondWork = vi.fn(async () => 2);
    const jobSecond = queue.enqueue(secondWork);
    expect(jobSecond.state).toBe('waiting');
    await settle();
    expect(secondWork).not.toHaveBeenCalled();
    first.deferred.resolve(1);
    await expect(jobFirst.result).resolves.toBe(1);
    await expect(jobSecond.result).resolves.toBe(2);
    expect(secondWork).toHaveBeenCalledTimes(1);
    expect(jobSecond.state).toBe('done');
  });

  it('starts again once idle, for a job queued after the queue drained', async () => {
    const queue = createRunQueue();
    await queue.enqueue(async () => 1).result;
    await settle();
    expect(queue.busy).toBe(false);
    const job = queue.enqueue(async () => 2);
    expect(job.state).toBe('running');
    await expect(job.result).resolves.toBe(2);
  });

  it('cancel() removes a waiting job: its result is undefined and its work never runs', async () => {
    const queue = createRunQueue();
    const log: string[] = [];
    const first = controlledJob<string>(log, 'first');
    queue.enqueue(first.work);
    const cancelledWork = vi.fn(async () => 'should not run');
    const cancelledStart = vi.fn();
    const cancelled = queue.enqueue(cancelledWork, cancelledStart);
    const after = queue.enqueue(async () => 'after');

    expect(queue.size).toBe(2);
    expect(cancelled.cancel()).toBe(true);
    expect(cancelled.state).toBe('cancelled');
    expect(queue.size).toBe(1);
    await expect(cancelled.result).resolves.toBeUndefined();

    first.deferred.resolve('done');
    await expect(after.result).resolves.toBe('after');
    expect(cancelledWork).not.toHaveBeenCalled();
    expect(cancelledStart).not.toHaveBeenCalled();
    expect(cancelled.state).toBe('cancelled');
    // Cancelling twice is a no-op.
    expect(cancelled.cancel()).toBe(false);
  });

  it('cancel() of a running job returns false and the job runs to its end', async () => {
    const queue = createRunQueue();
    const log: string[] = [];
    const running = controlledJob<string>(log, 'running');
    const job = queue.enqueue(running.work);
    expect(job.cancel()).toBe(false);
    expect(job.state).toBe('running');
    running.deferred.resolve('finished');
    await expect(job.result).resolves.toBe('finished');
    expect(job.state).toBe('done');
  });

  it('cancel() of a finished job returns false and keeps its result', async () => {
    const queue = createRunQueue();
    const job = queue.enqueue(async () => 'value');
    await expect(job.result).resolves.toBe('value');
    expect(job.cancel()).toBe(false);
    expect(job.state).toBe('done');
    await expect(job.result).resolves.toBe('value');
  });

  it('a throwing job rejects its own result and the queue goes on with the next', async () => {
    const queue = createRunQueue();
    const boom = new Error('boom');
    const failing = queue.enqueue(async () => {
      throw boom;
    });
    const syncThrow = queue.enqueue((): Promise<never> => {
      throw new TypeError('thrown before any promise');
    });
    const next = queue.enqueue(async () => 'next');
    await expect(failing.result).rejects.toBe(boom);
    await expect(syncThrow.result).rejects.toThrow(TypeError);
    await expect(next.result).resolves.toBe('next');
    expect(failing.state).toBe('done');
    expect(syncThrow.state).toBe('done');
    await settle();
    expect(queue.busy).toBe(false);
  });

  it('calls onStart right before the work, when the job actually starts', async () => {
    const queue = createRunQueue();
    const log: string[] = [];
    const first = controlledJob<void>(log, 'first');
    queue.enqueue(first.work, () => log.push('onStart first'));
    const second: QueuedJob<void> = queue.enqueue(
      async () => {
        log.push('work second');
      },
      () => {
        log.push(`onStart second (state ${second.state})`);
      },
    );
    expect(log).toEqual(['onStart first', 'start first']);
    first.deferred.resolve();
    await second.result;
    expect(log).toEqual(['onStart first', 'start first', 'end first', 'onStart second (state running)', 'work second']);
  });

  it('reports busy while a job runs and size as the number of jobs not yet started', async () => {
    const queue = createRunQueue();
    expect(queue.busy).toBe(false);
    expect(queue.size).toBe(0);
    const log: string[] = [];
    const first = controlledJob<void>(log, 'first');
    queue.enqueue(first.work);
    const rest = [queue.enqueue(async () => {}), queue.enqueue(async () => {})];
    expect(queue.busy).toBe(true);
    expect(queue.size).toBe(2);
    first.deferred.resolve();
    await Promise.all(rest.map((job) => job.result));
    await settle();
    expect(queue.busy).toBe(false);
    expect(queue.size).toBe(0);
  });
});

describe('createRunQueue when onStart throws', () => {
  it('rejects that job and goes on with the next', async () => {
    // The bug surfaces as an unhandled rejection; keep it from failing the whole run.
    const unhandled: unknown[] = [];
    const listeners = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    process.on('unhandledRejection', (reason) => unhandled.push(reason));
    try {
      const queue = createRunQueue();
      const broken = new Error('onStart broke');
      const failing = queue.enqueue(
        async () => 'never',
        () => {
          throw broken;
        },
      );
      const next = queue.enqueue(async () => 'next');
      const outcome = await Promise.race([
        Promise.allSettled([failing.result, next.result]),
        new Promise((resolve) => setTimeout(() => resolve('still pending after 50 ms'), 50)),
      ]);
      expect(outcome).toEqual([
        { status: 'rejected', reason: broken },
        { status: 'fulfilled', value: 'next' },
      ]);
      expect(unhandled).toEqual([]);
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 0));
      process.removeAllListeners('unhandledRejection');
      for (const listener of listeners) process.on('unhandledRejection', listener);
    }
  });
});
