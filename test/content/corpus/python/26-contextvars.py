# contextvars docs, "asyncio support": each task sees the value set in its own context
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")


async def log(message):
    await asyncio.sleep(0)
    print(f"[{request_id.get()}] {message}")


async def handle(n):
    request_id.set(f"req-{n}")
    await log("start")
    await asyncio.sleep(0.01 * (3 - n))
    await log("end")


async def main():
    await asyncio.gather(handle(1), handle(2))
    print("in main:", request_id.get())


asyncio.run(main())
