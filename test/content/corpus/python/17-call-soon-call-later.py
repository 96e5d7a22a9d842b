# asyncio docs, "Event Loop": call_soon runs before call_later, call_later in order of delay
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_later(0.04, print, "call_later 0.04")
    loop.call_later(0.02, print, "call_later 0.02")
    loop.call_soon(print, "call_soon 1")
    loop.call_soon(print, "call_soon 2")
    loop.call_later(0.06, done.set_result, "all callbacks ran")
    print("main: callbacks scheduled")
    print(await done)


asyncio.run(main())
