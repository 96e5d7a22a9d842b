# asyncio docs, "Lock": a lock keeps a read-modify-write critical section whole
import asyncio

counter = 0


async def increment(lock):
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(0)
        counter = value + 1


async def unsafe_increment():
    global counter
    value = counter
    await asyncio.sleep(0)
    counter = value + 1


async def main():
    global counter
    lock = asyncio.Lock()
    await asyncio.gather(*(increment(lock) for _ in range(10)))
    print("with a lock:", counter)
    counter = 0
    await asyncio.gather(*(unsafe_increment() for _ in range(10)))
    print("without a lock:", counter)


asyncio.run(main())
