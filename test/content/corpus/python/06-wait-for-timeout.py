# asyncio docs, "Timeouts": wait_for cancels a slow coroutine and raises TimeoutError
import asyncio


async def eternity():
    try:
        await asyncio.sleep(3600)
        print("never printed")
    except asyncio.CancelledError:
        print("eternity was cancelled")
        raise


async def main():
    try:
        await asyncio.wait_for(eternity(), timeout=0.05)
    except TimeoutError:
        print("timeout!")
    print(await asyncio.wait_for(asyncio.sleep(0.01, result="in time"), timeout=1))


asyncio.run(main())
