export type JobState = 'waiting' | 'running' | 'done' | 'cancelled';

export interface QueuedJob<R> {
  readonly state: JobState;
  /** Settles with the job's result, or `undefined` if it was cancelled before it started. */
  readonly result: Promise<R | undefined>;
  /** Removes a waiting job from the queue; a running job is not affected. */
  cancel(): boolean;
}

interface Entry<R> {
  state: JobState;
  work: () => Promise<R>;
  onStart: () => void;
  settle: (value: R | undefined) => void;
  fail: (reason: unknown) => void;
}

/** Runs jobs one after another, in the order they were queued, as a notebook runs its cells. */
export function createRunQueue() {
  const waiting: Entry<unknown>[] = [];
  let running = false;

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (let entry = waiting.shift(); entry; entry = waiting.shift()) {
        entry.state = 'running';
        try {
          entry.onStart();
          entry.settle(await entry.work());
        } catch (error) {
          entry.fail(error);
        } finally {
          entry.state = 'done';
        }
      }
    } finally {
      running = false;
    }
  }

  function enqueue<R>(work: () => Promise<R>, onStart: () => void = () => {}): QueuedJob<R> {
    let settle!: (value: R | undefined) => void;
    let fail!: (reason: unknown) => void;
    const result = new Promise<R | undefined>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    const entry: Entry<R> = { state: 'waiting', work, onStart, settle, fail };
    waiting.push(entry as Entry<unknown>);
    void drain();
    return {
      get state() {
        return entry.state;
      },
      result,
      cancel() {
        const index = waiting.indexOf(entry as Entry<unknown>);
        if (index < 0) return false;
        waiting.splice(index, 1);
        entry.state = 'cancelled';
        entry.settle(undefined);
        return true;
      },
    };
  }

  return {
    enqueue,
    /** Jobs queued and not yet started. */
    get size() {
      return waiting.length;
    },
    get busy() {
      return running;
    },
  };
}

export type RunQueue = ReturnType<typeof createRunQueue>;
