# asyncio docs, "Coroutines and Tasks": two say_after tasks running concurrently with create_task
import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()


async def main():
    slow = asyncio.create_task(say_after(0.05, "slow"))
    fast = asyncio.create_task(say_after(0.01, "fast"))
    print("both tasks created")
    print(await slow, await fast)


asyncio.run(main())
