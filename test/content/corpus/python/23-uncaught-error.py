# asyncio docs, "Coroutines and Tasks": an exception in an awaited task propagates out of asyncio.run
import asyncio


async def check(value):
    await asyncio.sleep(0.01)
    if value < 0:
        raise ValueError(f"negative value: {value}")
    return value


async def main():
    print(await check(1))
    print(await check(-1))
    print("not reached")


asyncio.run(main())
