class Sleep extends Task {
  readonly _ms: number;
  private readonly _start: number;

  constructor(waiter: Task | null = null, ms = 0) {
    super(waiter);
    this._ms = ms;
    this._start = Date.now();
  }

  override *[Symbol.iterator](): Generator<Task, Task | null, undefined> {
    while (true) { // busy: checks the clock on every turn
      if (Date.now() - this._start > this._ms) {
        return this._waiter;
      }
      yield this;
    }
  }
}


class EventLoop {
  protected readonly _queue: Task[] = [];
  // Your code: keep timers sorted by deadline, nearest first, and when no task is ready,
  // await a setTimeout() until the nearest one instead of spinning. run_until_complete
  // becomes async for that.

  push_task(...tasks: Task[]): void {
    for (const task of tasks) {
      this._queue.push(task);
    }
  }

  async run_until_complete(): Promise<void> {
    while (this._queue.length > 0) {
      const nextTask = this._queue.shift()!.execute();
      if (nextTask !== null) {
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
