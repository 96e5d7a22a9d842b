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


// Calling an async function starts it at once; awaiting its promise only waits for it.
const pinging = ping();
const ponging = pong();
await pinging;
await ponging;
