// Node docs, "util.inspect": how console.log shows Map, Set, nested objects and arrays
const scores = new Map<string, number>([['ada', 3], ['grace', 5]]);
const tags = new Set(['loop', 'queue', 'task']);
console.log(scores);
console.log(tags);
console.log({ name: 'task', state: { done: false, steps: [1, 2, 3] }, empty: {} });
console.log([new Map(), new Set(), [], 'text', 42, null, undefined]);
console.log(Array.from({ length: 30 }, (_, i) => i * 100));
