// javascript.info, "Async/await": a rejected await caught with try/catch, then an async function that throws
async function load(id: number): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  if (id < 0) throw new RangeError(`no item ${id}`);
  return `item ${id}`;
}

try {
  console.log(await load(1));
  console.log(await load(-1));
} catch (error) {
  console.log(`${(error as Error).name}: ${(error as Error).message}`);
}
const results = await Promise.all([load(2), load(-2).catch((e: Error) => e.message)]);
console.log(results);
