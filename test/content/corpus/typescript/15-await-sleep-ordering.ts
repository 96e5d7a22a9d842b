// Tutorial pattern, "sleep in JavaScript": three async functions interleaved by their delays
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function worker(name: string, delays: number[]): Promise<string> {
  for (const ms of delays) {
    await sleep(ms);
    console.log(`${name} waited ${ms} ms`);
  }
  return `${name} done`;
}

console.log(await Promise.all([worker('A', [10, 40]), worker('B', [30]), worker('C', [20, 50])]));
