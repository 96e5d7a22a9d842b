# asyncio docs, "Task Groups": two tasks in a TaskGroup, both done when the block ends
import asyncio


async def some_coro(name, delay):
    await asyncio.sleep(delay)
    print("done:", name)
    return name * 2


async def main():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(some_coro("a", 0.03))
        task2 = tg.create_task(some_coro("b", 0.01))
        print("tasks created")
    print(f"Both tasks have completed now: {task1.result()}, {task2.result()}")


asyncio.run(main())
