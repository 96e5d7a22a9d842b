// MDN, "Using promises": an error skips the thens after it until a catch; finally always runs
function step(n: number): Promise<number> {
  return new Promise((resolve) => setTimeout(() => resolve(n), 10));
}

step(1)
  .then((n) => {
    console.log('step', n);
    throw new Error('step 2 failed');
  })
  .then(() => console.log('never printed'))
  .catch((error: Error) => {
    console.log('caught:', error.message);
    return 3;
  })
  .then((n) => console.log('recovered with', n))
  .finally(() => console.log('finally'));
