// Node docs, "Timers": output that comes after the last line of the program has run
setTimeout(() => console.log('late, after 50 ms'), 50);
setTimeout(() => console.log('later, after 100 ms'), 100);
console.log('last line of the program');
