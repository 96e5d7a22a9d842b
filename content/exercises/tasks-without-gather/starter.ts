function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function ping(): Promise<void> {
  console.log('Start ping');
  await sleep(3000);
  console.log('End ping');
}


async function pong(): Promise<void> {
  console.log('Start pong');
  await sleep(2000);
  console.log('End pong');
}


// Your code: run ping() and pong() at the same time, without Promise.all.
// As written, they run one after the other.
await ping();
await pong();
