# Common asyncio mistake: a task never awaited is cancelled when asyncio.run ends, so it prints nothing
import asyncio


async def never_finishes():
    try:
        await asyncio.sleep(3600)
        print("never printed")
    finally:
        print("cleanup of the forgotten task")


async def main():
    asyncio.create_task(never_finishes())
    await asyncio.sleep(0.01)
    print("main done")


asyncio.run(main())
print("after asyncio.run")
