import { OBSERVATION_MARKER, type CheckRequest } from './check-request.ts';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The harness around the reader's TypeScript. It runs as one cell on the TypeScript kernel, inside
 * an async function, so the reader's declarations live in a fresh scope and vanish afterwards.
 * `console`, `Date`, `performance`, `setTimeout` and `clearTimeout` are parameters of that function:
 * the reader's code sees a virtual clock (each read advances it by a tick; timers fire in deadline
 * order as soon as nothing else can run) while the kernel's own globals stay untouched.
 */
const HARNESS_HEAD = String.raw`await 0; // a plain await first: the kernel then runs the check as top-level-await code
await (async () => {
  const realSetTimeout = globalThis.setTimeout;
  const realNow = () => globalThis.Date.now();
  const RealDate = globalThis.Date;
  const report = globalThis.console.log;
  const __clock = { now: 1_700_000_000_000, reads: 0, tick: TICK_MS, seq: 0, timers: new Map() };
  const __observation = { lines: [], error: null, timedOut: false, clockReads: 0, values: {} };
  const read = () => { __clock.reads += 1; __clock.now += __clock.tick; return __clock.now; };
  class VirtualDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(read()); else super(...args); }
    static now() { return read(); }
  }
  const start = __clock.now;
  const virtualPerformance = { now: () => read() - start };
  const virtualSetTimeout = (fn, ms = 0, ...args) => {
    const id = ++__clock.seq;
    __clock.timers.set(id, { at: __clock.now + Math.max(0, Number(ms) || 0), id, fn, args });
    return id;
  };
  const virtualClearTimeout = (id) => { __clock.timers.delete(id); };
  const show = (value) => (typeof value === 'string' ? value : (() => { try { return JSON.stringify(value) ?? String(value); } catch { return String(value); } })());
  const say = (...args) => { __observation.lines.push(...args.map(show).join(' ').split('\n').map((line) => line.trimEnd())); };
  const virtualConsole = { log: say, info: say, warn: say, error: say };
  const limitMs = LIMIT_SECONDS * 1000;
  const began = realNow();
  let settled = false;
  const body = async (console, Date, performance, setTimeout, clearTimeout) => {
`;

const HARNESS_TAIL = String.raw`
  };
  void body(virtualConsole, VirtualDate, virtualPerformance, virtualSetTimeout, virtualClearTimeout).then(
    () => { settled = true; },
    (error) => {
      settled = true;
      __observation.error = { ename: error instanceof Error ? error.name : 'Error', evalue: error instanceof Error ? error.message : String(error) };
    },
  );
  // Fire timers in deadline order whenever every pending promise job has run.
  while (true) {
    await new Promise((resolve) => realSetTimeout(resolve, 0));
    if (realNow() - began > limitMs) { __observation.timedOut = true; break; }
    if (__clock.timers.size === 0) break;
    const next = [...__clock.timers.values()].sort((a, b) => a.at - b.at || a.id - b.id)[0];
    __clock.timers.delete(next.id);
    __clock.now = Math.max(__clock.now, next.at);
    try { next.fn(...next.args); } catch (error) { if (!__observation.error) __observation.error = { ename: error?.name ?? 'Error', evalue: error?.message ?? String(error) }; }
  }
  if (!settled && !__observation.timedOut && !__observation.error) {
    __observation.error = { ename: 'Error', evalue: 'your code is still waiting for something that will never happen (no timer is left)' };
  }
  __observation.clockReads = __clock.reads;
  report(OBSERVATION_MARKER + JSON.stringify(__observation));
})();
`;

/** The program the TypeScript kernel runs for a check. */
export function typescriptCheckProgram(request: CheckRequest): string {
  const names = request.values.filter((name) => IDENTIFIER.test(name));
  const readValues = names
    .map((name) => `    try { __observation.values[${JSON.stringify(name)}] = ${name}; } catch { __observation.values[${JSON.stringify(name)}] = null; }`)
    .join('\n');
  return [
    HARNESS_HEAD.replace('LIMIT_SECONDS', String(request.limitSeconds)).replace('TICK_MS', String(request.tick * 1000)),
    request.prelude,
    '    __clock.reads = 0;',
    '    {',
    request.source,
    ';',
    request.after,
    readValues,
    '    }',
    HARNESS_TAIL.replace('OBSERVATION_MARKER', JSON.stringify(OBSERVATION_MARKER)),
  ].join('\n');
}
