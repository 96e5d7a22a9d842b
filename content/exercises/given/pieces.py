import queue
import time


class Task:
    def __init__(self, waiter=None):
        self._task = iter(self)
        self._waiter = waiter

    def __iter__(self):
        yield self

    def execute(self):
        try:
            ret = next(self._task)
        except StopIteration:
            return self._waiter
        else:
            return ret


class EventLoop:
    def __init__(self):
        self._queue = queue.Queue()

    def push_task(self, *tasks):
        for task in tasks:
            self._queue.put(task)

    def _run_by(self, stop_fn):
        _queue = self._queue
        while not stop_fn():
            task = _queue.get()
            next_task = task.execute()
            if next_task is not None:
                _queue.put(next_task)

    def run_until_complete(self):
        self._run_by(lambda: self._queue.empty())


class Sleep(Task):
    def __init__(self, *args, n=0, **kwargs):
        super().__init__(*args, **kwargs)
        self._n = n
        self._start = time.time()

    def __iter__(self):
        while True:
            if time.time() - self._start > self._n:
                return self._waiter
            yield self


class Ping(Task):
    def __iter__(self):
        print('Start ping')
        yield Sleep(self, n=0.3)
        print('End ping')


class Pong(Task):
    def __iter__(self):
        print('Start pong')
        yield Sleep(self, n=0.1)
        print('End pong')
