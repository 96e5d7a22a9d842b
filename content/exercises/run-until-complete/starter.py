import queue


class EventLoop:
    def __init__(self):
        self._queue = queue.Queue()

    def push_task(self, *tasks):
        for task in tasks:
            self._queue.put(task)

    def run_until_complete(self):
        # Your code: until the queue is empty, take a task from it, run one step with
        # execute(), and put back whatever execute() returned (unless it is None).
        pass


loop = EventLoop()
loop.push_task(Ping(), Pong())
loop.run_until_complete()
