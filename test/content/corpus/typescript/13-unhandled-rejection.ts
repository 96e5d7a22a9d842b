// Node docs, "Event: 'unhandledRejection'": a rejection nobody handles ends the program with an error
console.log('before the rejection');
Promise.reject(new Error('nobody handled me'));
setTimeout(() => console.log('a timer that Node never reaches'), 50);
console.log('after the rejection, still synchronous');
