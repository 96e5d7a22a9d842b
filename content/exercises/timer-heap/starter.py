import queue
import time


class Sleep(Task):
    def __init__(self, *args, n=0, **kwargs):
        super().__init__(*args, **kwargs)
        self._n = n
        self._start = time.time()

    def __iter__(self):
        while True:  # busy: checks the clock on every turn
            if time.time() - self._start > self._n:
                return self._waiter
            yield self


class EventLoop:
    def __init__(self):
        self._queue = queue.Queue()
        # Your code: keep timers in a heap (import heapq), nearest deadline first, and when no
        # task is ready, time.sleep() until the nearest one instead of spinning.

    def push_task(self, *tasks):
        for task in tasks:
            self._queue.put(task)

    def run_until_complete(self):
        while not self._queue.empty():
            task = self._queue.get()
            next_task = task.execute()
            if next_task is not None:
                self._queue.put(next_task)


class Ping(Task):
    def __iter__(self):
        print('Start ping')
        yield Sleep(self, n=3)
        print('End ping')


class Pong(Task):
    def __iter__(self):
        print('Start pong')
        yield Sleep(self, n=2)
        print('End pong')


loop = EventLoop()
loop.push_task(Ping(), Pong())
loop.run_until_complete()
