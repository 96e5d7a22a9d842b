# asyncio docs, "Synchronization Primitives": waiters block on an Event until it is set
import asyncio


async def waiter(name, event):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} got the event")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(name, event)) for name in ("first", "second")]
    await asyncio.sleep(0.02)
    print("setting the event")
    event.set()
    await asyncio.gather(*tasks)
    print("is_set:", event.is_set())


asyncio.run(main())
