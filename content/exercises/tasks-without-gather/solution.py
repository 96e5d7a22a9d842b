import asyncio


async def ping():
    print('Start ping')
    await asyncio.sleep(3)
    print('End ping')


async def pong():
    print('Start pong')
    await asyncio.sleep(2)
    print('End pong')


# create_task() schedules each coroutine at once; awaiting the tasks only waits for them.
ping_task = asyncio.create_task(ping())
pong_task = asyncio.create_task(pong())
await ping_task
await pong_task
