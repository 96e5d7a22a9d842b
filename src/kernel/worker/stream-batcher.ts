export type StreamName = 'stdout' | 'stderr';

export interface StreamBatcherOptions {
  send(runId: number, name: StreamName, text: string): void;
  now(): number;
  /** Writes sent at once per window; beyond that they are merged, so a print loop cannot flood the page. */
  burst?: number;
  windowMs?: number;
}

/**
 * Forwards writes as they happen, which is what makes output stream, and merges them only when a
 * cell writes faster than the page could draw. A worker running Python cannot use timers, so the
 * merged tail leaves with the next write or with `flush()` at the end of the run. Writes of
 * different runs are never merged: each reaches its own cell, in order.
 */
export function createStreamBatcher({ send, now, burst = 32, windowMs = 16 }: StreamBatcherOptions) {
  let windowStart = -Infinity;
  let sentInWindow = 0;
  const pending: { runId: number; name: StreamName; text: string }[] = [];

  function flush(): void {
    for (const { runId, name, text } of pending.splice(0)) send(runId, name, text);
  }

  function write(runId: number, name: StreamName, text: string): void {
    if (text === '') return;
    const time = now();
    if (time - windowStart >= windowMs) {
      windowStart = time;
      sentInWindow = 0;
      flush();
    }
    if (sentInWindow < burst && pending.length === 0) {
      sentInWindow += 1;
      send(runId, name, text);
      return;
    }
    const last = pending[pending.length - 1];
    if (last && last.name === name && last.runId === runId) last.text += text;
    else pending.push({ runId, name, text });
  }

  return { write, flush };
}
