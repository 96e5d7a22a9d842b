# PEP 525 / tutorials: an async generator consumed with async for and an async comprehension
import asyncio


async def ticker(n, delay):
    for i in range(n):
        yield i
        await asyncio.sleep(delay)


async def main():
    async for tick in ticker(3, 0.01):
        print("tick", tick)
    squares = [i * i async for i in ticker(4, 0)]
    print(squares)


asyncio.run(main())
