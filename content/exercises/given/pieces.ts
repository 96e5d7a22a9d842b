class Task {
  readonly _waiter: Task | null;
  private readonly _task: Generator<Task, unknown, undefined>;

  constructor(waiter: Task | null = null) {
    this._task = this[Symbol.iterator]();
    this._waiter = waiter;
  }

  *[Symbol.iterator](): Generator<Task, Task | null | void, undefined> {
    yield this;
  }

  execute(): Task | null {
    const step = this._task.next();
    if (step.done) {
      return this._waiter;
    }
    return step.value;
  }
}


class EventLoop {
  protected readonly _queue: Task[] = [];

  push_task(...tasks: Task[]): void {
    for (const task of tasks) {
      this._queue.push(task);
    }
  }

  run_until_complete(): void {
    while (this._queue.length > 0) {
      const nextTask = this._queue.shift()!.execute();
      if (nextTask !== null) {
        this._queue.push(nextTask);
      }
    }
  }
}


class Sleep extends Task {
  private readonly _ms: number;
  private readonly _start: number;

  constructor(waiter: Task | null = null, ms = 0) {
    super(waiter);
    this._ms = ms;
    this._start = Date.now();
  }

  override *[Symbol.iterator](): Generator<Task, Task | null, undefined> {
    while (true) {
      if (Date.now() - this._start > this._ms) {
        return this._waiter;
      }
      yield this;
    }
  }
}


class Ping extends Task {
  override *[Symbol.iterator](): Generator<Task, void, undefined> {
    console.log('Start ping');
    yield new Sleep(this, 300);
    console.log('End ping');
  }
}


class Pong extends Task {
  override *[Symbol.iterator](): Generator<Task, void, undefined> {
    console.log('Start pong');
    yield new Sleep(this, 100);
    console.log('End pong');
  }
}
