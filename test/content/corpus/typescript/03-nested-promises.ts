// JavaScript event-loop quiz: a then inside a then, and a timer scheduled from a microtask
Promise.resolve()
  .then(() => {
    console.log('outer 1');
    Promise.resolve()
      .then(() => console.log('inner 1'))
      .then(() => console.log('inner 2'));
    setTimeout(() => console.log('timer from a microtask'), 0);
  })
  .then(() => console.log('outer 2'))
  .then(() => console.log('outer 3'));
setTimeout(() => console.log('timer from the script'), 0);
console.log('sync');
