# Real Python, "Async IO in Python": a producer and a consumer sharing a bounded queue
import asyncio


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
        print(f"produced {i}")
    await queue.put(None)


async def consumer(queue):
    while (item := await queue.get()) is not None:
        print(f"consumed {item}")
        await asyncio.sleep(0)


async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue, 5), consumer(queue))
    print("queue empty:", queue.empty())


asyncio.run(main())
