// javascript.info, "Async iteration and generators": Symbol.asyncIterator written by hand
const range = {
  from: 1,
  to: 4,
  [Symbol.asyncIterator]() {
    let current = this.from;
    const last = this.to;
    return {
      async next(): Promise<IteratorResult<number>> {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return current <= last ? { done: false, value: current++ } : { done: true, value: undefined };
      },
    };
  },
};

const seen: number[] = [];
for await (const value of range) seen.push(value);
console.log(seen);
