class Sleep extends Task {
  // No longer a task that spins: a request to the loop to wake the waiter after _ms milliseconds.
  readonly _ms: number;

  constructor(waiter: Task | null = null, ms = 0) {
    super(waiter);
    this._ms = ms;
  }
}


class EventLoop {
  protected readonly _queue: Task[] = [];
  // Sorted by deadline, nearest first; a heap would keep the same order with fewer comparisons.
  private readonly _timers: { deadline: number; waiter: Task | null }[] = [];

  push_task(...tasks: Task[]): void {
    for (const task of tasks) {
      this._queue.push(task);
    }
  }

  async run_until_complete(): Promise<void> {
    while (this._queue.length > 0 || this._timers.length > 0) {
      if (this._queue.length === 0) {
        const { deadline, waiter } = this._timers.shift()!;
        const delay = deadline - Date.now();
        if (delay > 0) {
          await new Promise((resolve) => setTimeout(resolve, delay)); // nothing else to do: wait
        }
        if (waiter !== null) {
          this._queue.push(waiter);
        }
        continue;
      }
      const nextTask = this._queue.shift()!.execute();
      if (nextTask instanceof Sleep) {
        const deadline = Date.now() + nextTask._ms;
        const at = this._timers.findIndex((timer) => timer.deadline > deadline);
        this._timers.splice(at === -1 ? this._timers.length : at, 0, { deadline, waiter: nextTask._waiter });
      } else if (nextTask !== null) {
        this._queue.push(nextTask);
      }
    }
  }
}


class Ping extends Task {
  override *[Symbol.iterator](): Generator<Task, void, undefined> {
    console.log('Start ping');
    yield new Sleep(this, 3000);
    console.log('End ping');
  }
}


class Pong extends Task {
  override *[Symbol.iterator](): Generator<Task, void, undefined> {
    console.log('Start pong');
    yield new Sleep(this, 2000);
    console.log('End pong');
  }
}


const loop = new EventLoop();
loop.push_task(new Ping(), new Pong());
await loop.run_until_complete();
