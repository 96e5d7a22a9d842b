import heapq
import itertools
import queue
import time


class Sleep(Task):
    """No longer a task that spins: a request to the loop to wake the waiter after n seconds."""

    def __init__(self, *args, n=0, **kwargs):
        super().__init__(*args, **kwargs)
        self._n = n


class EventLoop:
    def __init__(self):
        self._queue = queue.Queue()
        self._timers = []  # (deadline, order, waiter): the nearest deadline is always at [0]
        self._order = itertools.count()  # breaks ties between equal deadlines, first come first

    def push_task(self, *tasks):
        for task in tasks:
            self._queue.put(task)

    def run_until_complete(self):
        while not self._queue.empty() or self._timers:
            if self._queue.empty():
                deadline, _, waiter = heapq.heappop(self._timers)
                delay = deadline - time.time()
                if delay > 0:
                    time.sleep(delay)  # nothing else to do: wait for the nearest timer
                self._queue.put(waiter)
                continue
            task = self._queue.get()
            next_task = task.execute()
            if isinstance(next_task, Sleep):
                heapq.heappush(self._timers, (time.time() + next_task._n, next(self._order), next_task._waiter))
            elif next_task is not None:
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
