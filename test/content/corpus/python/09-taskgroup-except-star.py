# Python docs, "Exception groups and except*" with asyncio.TaskGroup: failures arrive together
import asyncio


async def fail(kind, message):
    await asyncio.sleep(0)
    raise kind(message)


async def slow():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print("slow task cancelled by the group")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError, "bad value"))
            tg.create_task(fail(TypeError, "bad type"))
            tg.create_task(slow())
    except* ValueError as group:
        print("ValueErrors:", [str(e) for e in group.exceptions])
    except* TypeError as group:
        print("TypeErrors:", [str(e) for e in group.exceptions])


asyncio.run(main())
