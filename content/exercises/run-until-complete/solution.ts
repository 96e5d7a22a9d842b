class EventLoop {
  protected readonly _queue: Task[] = [];

  push_task(...tasks: Task[]): void {
    for (const task of tasks) {
      this._queue.push(task);
    }
  }

  run_until_complete(): void {
    while (this._queue.length > 0) {
      const task = this._queue.shift()!;
      const nextTask = task.execute();
      if (nextTask !== null) {
        this._queue.push(nextTask);
      }
    }
  }
}


const loop = new EventLoop();
loop.push_task(new Ping(), new Pong());
loop.run_until_complete();
