# asyncio docs, "as_completed": results come back in the order they finish
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"


async def main():
    coros = [fetch("slow", 0.06), fetch("fast", 0.01), fetch("medium", 0.03)]
    for next_done in asyncio.as_completed(coros):
        print(await next_done)


asyncio.run(main())
