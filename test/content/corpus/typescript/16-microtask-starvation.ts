// JavaScript event-loop quiz: a chain of microtasks runs to the end before any timer
let count = 0;
function again(): void {
  count += 1;
  if (count < 1000) queueMicrotask(again);
  else console.log('microtasks done:', count);
}
setTimeout(() => console.log('timer runs after', count, 'microtasks'), 0);
queueMicrotask(again);
console.log('scheduled');
