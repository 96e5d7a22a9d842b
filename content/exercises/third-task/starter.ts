class Peng extends Task {
  override *[Symbol.iterator](): Generator<Task, void, undefined> {
    console.log('Start peng');
    yield new Sleep(this, 200);
    console.log('End peng');
  }
}


const loop = new EventLoop();
loop.push_task(new Ping(), new Pong()); // Your code: push a new Peng() too, after the Pong
loop.run_until_complete();

// Your code: before you run the cell, list the lines in the order you expect them.
const answer: string[] = [];
