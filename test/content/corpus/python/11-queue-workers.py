# asyncio docs, "Queues": workers take jobs from a Queue; join() waits until every job is done
import asyncio


async def worker(name, queue, done):
    while True:
        job = await queue.get()
        await asyncio.sleep(job / 100)
        done.append((name, job))
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for job in [3, 1, 2, 5, 4]:
        queue.put_nowait(job)
    done = []
    workers = [asyncio.create_task(worker(f"worker-{i}", queue, done)) for i in range(2)]
    await queue.join()
    for task in workers:
        task.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print("jobs done:", sorted(job for _, job in done))
    print("total:", sum(job for _, job in done))


asyncio.run(main())
