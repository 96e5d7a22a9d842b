// MDN, "Promise.all": results keep the order of the inputs, whatever order they settle in
const delay = <T,>(ms: number, value: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => { console.log('settled', value); resolve(value); }, ms));

const results = await Promise.all([delay(30, 'a'), delay(10, 'b'), delay(20, 'c')]);
console.log(results);
try {
  await Promise.all([delay(10, 'ok'), Promise.reject(new Error('one failed'))]);
} catch (error) {
  console.log('Promise.all rejected:', (error as Error).message);
}
