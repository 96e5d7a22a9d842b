# asyncio docs, "Coroutines and Tasks": the hello/world coroutine run with asyncio.run
import asyncio


async def main():
    print("hello")
    await asyncio.sleep(0.01)
    print("world")


asyncio.run(main())
