// MDN, "Promise.allSettled": every outcome, fulfilled or rejected, in input order
const outcomes = await Promise.allSettled([
  Promise.resolve(1),
  Promise.reject('no luck'),
  new Promise((resolve) => setTimeout(resolve, 10, 'slow')),
]);
console.log(outcomes);
console.log(outcomes.map((outcome) => outcome.status).join(', '));
