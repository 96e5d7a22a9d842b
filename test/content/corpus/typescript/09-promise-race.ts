// Tutorial pattern, "timeout with Promise.race": the first to settle wins
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms));
  return Promise.race([work, timeout]);
}

console.log(await withTimeout(sleep(10).then(() => 'fast enough'), 50));
try {
  await withTimeout(sleep(100).then(() => 'too slow'), 20);
} catch (error) {
  console.log((error as Error).message);
}
