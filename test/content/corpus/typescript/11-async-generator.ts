// MDN, "for await...of": an async generator that yields on a timer
async function* countdown(from: number) {
  for (let n = from; n > 0; n--) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    yield n;
  }
}

for await (const n of countdown(3)) console.log(n);
console.log('liftoff');
