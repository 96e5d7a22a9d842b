# asyncio docs, "Waiting Primitives": asyncio.wait with FIRST_COMPLETED, then cancel the rest
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    tasks = {asyncio.create_task(job(name, delay), name=name) for name, delay in [("a", 0.05), ("b", 0.01), ("c", 0.03)]}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", [t.result() for t in done])
    print("pending:", sorted(t.get_name() for t in pending))
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print("all cancelled:", all(t.cancelled() for t in pending))


asyncio.run(main())
