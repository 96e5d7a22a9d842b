# asyncio docs, "Futures": a low-level Future resolved by another task
import asyncio


async def set_after(fut, delay, value):
    await asyncio.sleep(delay)
    fut.set_result(value)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback sees:", f.result()))
    loop.create_task(set_after(fut, 0.02, "... world"))
    print("hello ...")
    print(await fut)
    print("done:", fut.done())


asyncio.run(main())
