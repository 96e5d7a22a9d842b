# asyncio docs, "Coroutines and Tasks": say_after awaited one after the other
import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    print("started")
    await say_after(0.02, "hello")
    await say_after(0.01, "world")
    print("finished")


asyncio.run(main())
