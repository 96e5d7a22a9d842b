# Older tutorials: asyncio.get_event_loop().run_until_complete with gather
import asyncio


async def count(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name


loop = asyncio.get_event_loop()
print(loop.run_until_complete(asyncio.gather(count("a", 2), count("b", 3))))
