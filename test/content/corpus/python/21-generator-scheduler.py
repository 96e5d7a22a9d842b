# David Beazley's "generators as coroutines" (and this notebook's chapters): a round-robin scheduler
from collections import deque


def countdown(name, n):
    while n > 0:
        print(f"{name}: {n}")
        yield
        n -= 1
    print(f"{name}: liftoff")


def run(tasks):
    queue = deque(tasks)
    while queue:
        task = queue.popleft()
        try:
            next(task)
            queue.append(task)
        except StopIteration:
            pass


run([countdown("ping", 3), countdown("pong", 2)])
