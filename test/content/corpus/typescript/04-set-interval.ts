// MDN, "setInterval": a counter that clears its own interval after three ticks
let ticks = 0;
const id = setInterval(() => {
  ticks += 1;
  console.log(`tick ${ticks}`);
  if (ticks === 3) {
    clearInterval(id);
    console.log('interval cleared');
  }
}, 20);
console.log('interval started');
