// MDN, "Promise.any": the first fulfilment wins; if all reject, an AggregateError
const later = (ms: number, value: string, fail = false) =>
  new Promise<string>((resolve, reject) => setTimeout(() => (fail ? reject(new Error(value)) : resolve(value)), ms));

console.log(await Promise.any([later(10, 'mirror A down', true), later(30, 'mirror B'), later(20, 'mirror C')]));
try {
  await Promise.any([later(10, 'x', true), later(20, 'y', true)]);
} catch (error) {
  const aggregate = error as AggregateError;
  console.log(aggregate.name, aggregate.message);
  console.log(aggregate.errors.map((e: Error) => e.message));
}
