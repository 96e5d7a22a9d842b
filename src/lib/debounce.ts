/** Calls `fn` once things have been quiet for `ms`; `flush()` runs a pending call now (e.g. on pagehide). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastArgs: A | undefined;
  const call = (...args: A) => {
    lastArgs = args;
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };
  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    const args = lastArgs;
    lastArgs = undefined;
    if (args) fn(...args);
  }
  return Object.assign(call, { flush });
}
