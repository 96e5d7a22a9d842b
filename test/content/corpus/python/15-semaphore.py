# Tutorial pattern, "limit concurrency with a Semaphore": at most two downloads at once
import asyncio

running = 0
peak = 0


async def download(n, limit):
    global running, peak
    async with limit:
        running += 1
        peak = max(peak, running)
        print(f"start {n}")
        await asyncio.sleep(0.02)
        running -= 1
    return n * 10


async def main():
    limit = asyncio.Semaphore(2)
    results = await asyncio.gather(*(download(n, limit) for n in range(5)))
    print(results, "peak:", peak)


asyncio.run(main())
