# asyncio docs, "Shielding From Cancellation": the outer wait times out, the shielded task goes on
import asyncio


async def important():
    await asyncio.sleep(0.05)
    print("important work finished")
    return 42


async def main():
    task = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.01)
    except TimeoutError:
        print("gave up waiting; task cancelled?", task.cancelled())
    print("result:", await task)


asyncio.run(main())
