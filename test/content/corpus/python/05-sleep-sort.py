# Tutorial favourite, "sleep sort": tasks wake in the order of their delays, not of their creation
import asyncio


async def wake(n, out):
    await asyncio.sleep(n * 0.02)
    print("woke", n)
    out.append(n)


async def main():
    out = []
    await asyncio.gather(*(wake(n, out) for n in [5, 1, 4, 2, 3]))
    print("sorted:", out)


asyncio.run(main())
