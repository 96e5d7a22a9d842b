# Python tutorial, "Errors and Exceptions": the ExceptionGroup a TaskGroup raises, its message and members
import asyncio


async def boom(n):
    await asyncio.sleep(0)
    raise ValueError(f"boom {n}")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for n in range(1, 4):
                tg.create_task(boom(n))
    except ExceptionGroup as eg:
        print(eg)
        print(sorted(str(e) for e in eg.exceptions))


asyncio.run(main())
