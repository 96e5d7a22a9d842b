// A shaped network link for the bench's server: one bandwidth shared fairly by every open
// response (round robin, chunk by chunk, as TCP flows on one bottleneck roughly share it), and a
// fixed wait before each response starts (the round trip of the request).

const CHUNK = 16 * 1024;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** `mbps` megabits per second (10^6 bits), `latencyMs` before each response's first byte. */
export function createLink({ mbps, latencyMs }) {
  const bytesPerMs = (mbps * 1e6) / 8 / 1000;
  const queue = [];
  let pumping = false;

  async function pump() {
    pumping = true;
    // A virtual clock: timers fire late, and the lateness must not slow the link down.
    let clock = performance.now();
    while (queue.length > 0) {
      const flow = queue.shift();
      const chunk = flow.body.subarray(flow.offset, flow.offset + CHUNK);
      flow.offset += chunk.length;
      clock = Math.max(clock, performance.now() - 50) + chunk.length / bytesPerMs;
      await sleep(clock - performance.now());
      if (!flow.response.destroyed) {
        flow.response.write(chunk);
        flow.onBytes(chunk.length);
      }
      if (flow.offset < flow.body.length && !flow.response.destroyed) queue.push(flow);
      else flow.done();
    }
    pumping = false;
  }

  return {
    describe: `${mbps} Mbit/s, ${latencyMs} ms per request`,
    /** Sends `body` through the link after the request's latency; resolves when it is all out. */
    async send(response, headers, body, onBytes = () => undefined) {
      await sleep(latencyMs);
      response.writeHead(headers.status ?? 200, headers.fields);
      if (body.length === 0) return void response.end();
      await new Promise((resolve) => {
        queue.push({ response, body, offset: 0, done: resolve, onBytes });
        if (!pumping) void pump();
      });
      response.end();
    },
  };
}
