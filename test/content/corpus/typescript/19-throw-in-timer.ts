// Node docs, "Event: 'uncaughtException'": an error thrown in a timer callback, after the program's last line
console.log('start');
setTimeout(() => {
  console.log('in the timer');
  throw new TypeError('thrown in a timer');
}, 10);
console.log('end');
