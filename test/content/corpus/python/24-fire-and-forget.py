# asyncio docs, "Creating Tasks": keep a reference to background tasks and await them before returning
import asyncio

background_tasks = set()


async def report(n):
    await asyncio.sleep(0.01 * n)
    print("background task", n, "finished")


async def main():
    for n in range(3):
        task = asyncio.create_task(report(n))
        background_tasks.add(task)
        task.add_done_callback(background_tasks.discard)
    print("main returns soon")
    await asyncio.gather(*background_tasks)
    print("tasks left:", len(background_tasks))


asyncio.run(main())
print("after asyncio.run")
