import asyncio


async def ping():
    print('Start ping')
    await asyncio.sleep(3)
    print('End ping')


async def pong():
    print('Start pong')
    await asyncio.sleep(2)
    print('End pong')


# Your code: run ping() and pong() at the same time, without gather.
# As written, they run one after the other.
await ping()
await pong()
