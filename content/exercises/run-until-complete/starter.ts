class EventLoop {
  protected readonly _queue: Task[] = [];

  push_task(...tasks: Task[]): void {
    for (const task of tasks) {
      this._queue.push(task);
    }
  }

  run_until_complete(): void {
    // Your code: until the queue is empty, take a task from its front, run one step with
    // execute(), and push back whatever execute() returned (unless it is null).
  }
}


const loop = new EventLoop();
loop.push_task(new Ping(), new Pong());
loop.run_until_complete();
