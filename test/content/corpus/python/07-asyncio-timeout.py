# asyncio docs, "Timeouts" (3.11): the asyncio.timeout() context manager
import asyncio


async def long_running_task():
    await asyncio.sleep(3600)


async def main():
    try:
        async with asyncio.timeout(0.05) as cm:
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")
    print("expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
    print("expired:", cm.expired())


asyncio.run(main())
