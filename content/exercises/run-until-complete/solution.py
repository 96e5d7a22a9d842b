import queue


class EventLoop:
    def __init__(self):
        self._queue = queue.Queue()

    def push_task(self, *tasks):
        for task in tasks:
            self._queue.put(task)

    def run_until_complete(self):
        while not self._queue.empty():
            task = self._queue.get()
            next_task = task.execute()
            if next_task is not None:
                self._queue.put(next_task)


loop = EventLoop()
loop.push_task(Ping(), Pong())
loop.run_until_complete()
