class Peng extends Task {
  override *[Symbol.iterator](): Generator<Task, void, undefined> {
    console.log('Start peng');
    yield new Sleep(this, 200);
    console.log('End peng');
  }
}


const loop = new EventLoop();
loop.push_task(new Ping(), new Pong(), new Peng());
loop.run_until_complete();

// Every task starts in its first turn; the sleeps then end shortest first (100, 200, 300 ms).
const answer: string[] = ['Start ping', 'Start pong', 'Start peng', 'End pong', 'End peng', 'End ping'];
