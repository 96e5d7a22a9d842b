# Older tutorials (before asyncio.run): a loop made by hand, run_until_complete, then close
import asyncio


async def compute(x, y):
    print(f"Compute {x} + {y} ...")
    await asyncio.sleep(0.01)
    return x + y


async def main():
    result = await compute(1, 2)
    print(f"1 + 2 = {result}")
    return result


loop = asyncio.new_event_loop()
try:
    value = loop.run_until_complete(main())
    print("returned", value)
finally:
    loop.close()
print("closed:", loop.is_closed())
