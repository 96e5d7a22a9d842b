// JavaScript event-loop quiz (the classic one): sync logs, then microtasks, then the zero-delay timer
console.log('script start');
setTimeout(() => console.log('setTimeout 0'), 0);
Promise.resolve().then(() => console.log('promise then'));
queueMicrotask(() => console.log('queueMicrotask'));
console.log('script end');
