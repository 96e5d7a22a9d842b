import { describe, expect, it } from 'vitest';
import { isKernelEvent, isKernelRequest, isOutput } from '../../../src/kernel/protocol.ts';

// ---------------------------------------------------------------------------------------------
// Valid messages of every kind
// ---------------------------------------------------------------------------------------------

const validOutputs = {
  stdout: { output_type: 'stream', name: 'stdout', text: 'hello\n' },
  stderr: { output_type: 'stream', name: 'stderr', text: '' },
  execute_result: { output_type: 'execute_result', execution_count: 3, data: { 'text/plain': '42' } },
  execute_result_rich: {
    output_type: 'execute_result',
    execution_count: 0,
    data: { 'text/plain': '<b>', 'text/html': '<b>bold</b>' },
  },
  display_data: { output_type: 'display_data', data: { 'text/plain': 'shown' } },
  error: { output_type: 'error', ename: 'ValueError', evalue: 'bad', traceback: ['Traceback\n', 'ValueError: bad\n'] },
  error_empty_traceback: { output_type: 'error', ename: 'E', evalue: '', traceback: [] },
} as const;

const validEvents = {
  progress: { type: 'progress', stage: 'Loading Pyodide', step: 1, steps: 3 },
  ready: { type: 'ready', version: '0.27.0' },
  output: { type: 'output', runId: 7, output: validOutputs.stdout },
  done_ok: { type: 'done', runId: 7, status: 'ok' },
  done_error: { type: 'done', runId: 0, status: 'error' },
  fatal: { type: 'fatal', message: 'worker crashed' },
} as const;

const validRequests = {
  run: { type: 'run', runId: 1, code: 'print(1)', filename: 'Cell 1', executionCount: 1 },
  run_zero: { type: 'run', runId: 0, code: '', filename: '', executionCount: 0 },
  reset: { type: 'reset' },
} as const;

/** Values that are never a message of any kind. */
const nonRecords: [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['a string', 'run'],
  ['the JSON text of a valid message', JSON.stringify(validRequests.run)],
  ['a number', 42],
  ['a boolean', true],
  ['an empty array', []],
  ['an array holding a valid message', [validRequests.run]],
  // Structured clone keeps an array's named properties, so an array can carry every field.
  ['an array carrying the fields of a message', Object.assign([], validEvents.fatal, validOutputs.stdout)],
  ['a function', () => validRequests.run],
  ['a symbol', Symbol('run')],
  ['a bigint', 1n],
];

describe('isOutput', () => {
  it.each(Object.entries(validOutputs))('accepts a valid %s output', (_, output) => {
    expect(isOutput(output)).toBe(true);
  });

  it.each(nonRecords)('rejects %s', (_, value) => {
    expect(isOutput(value)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['unknown output_type', { output_type: 'update_display_data', data: { 'text/plain': 'x' } }],
    ['output_type in another case', { ...validOutputs.stdout, output_type: 'Stream' }],
    ['missing output_type', { name: 'stdout', text: 'x' }],
    ['output_type that is not a string', { ...validOutputs.stdout, output_type: 1 }],
    ['stream of another name', { ...validOutputs.stdout, name: 'stdin' }],
    ['stream without name', { output_type: 'stream', text: 'x' }],
    ['stream without text', { output_type: 'stream', name: 'stdout' }],
    ['stream with numeric text', { ...validOutputs.stdout, text: 1 }],
    ['stream with text as an array', { ...validOutputs.stdout, text: ['a', 'b'] }],
    ['stream with null text', { ...validOutputs.stdout, text: null }],
    ['execute_result without execution_count', { output_type: 'execute_result', data: { 'text/plain': '1' } }],
    ['execute_result with negative count', { ...validOutputs.execute_result, execution_count: -1 }],
    ['execute_result with fractional count', { ...validOutputs.execute_result, execution_count: 1.5 }],
    ['execute_result with NaN count', { ...validOutputs.execute_result, execution_count: Number.NaN }],
    ['execute_result with Infinity count', { ...validOutputs.execute_result, execution_count: Infinity }],
    ['execute_result with unsafe integer count', { ...validOutputs.execute_result, execution_count: 2 ** 53 }],
    ['execute_result with count as a string', { ...validOutputs.execute_result, execution_count: '3' }],
    ['execute_result without data', { output_type: 'execute_result', execution_count: 1 }],
    ['execute_result with data missing text/plain', { ...validOutputs.execute_result, data: { 'text/html': '<b>' } }],
    ['execute_result with numeric text/plain', { ...validOutputs.execute_result, data: { 'text/plain': 42 } }],
    [
      'execute_result with a non-string mime value',
      { ...validOutputs.execute_result, data: { 'text/plain': '1', 'image/png': new Uint8Array([1]) } },
    ],
    [
      'execute_result with a null mime value',
      { ...validOutputs.execute_result, data: { 'text/plain': '1', 'application/json': null } },
    ],
    [
      'execute_result with an object mime value',
      { ...validOutputs.execute_result, data: { 'text/plain': '1', 'application/json': { a: 1 } } },
    ],
    ['execute_result with data as an array', { ...validOutputs.execute_result, data: ['text/plain'] }],
    ['execute_result with data as a string', { ...validOutputs.execute_result, data: 'text/plain' }],
    [
      'execute_result with data as an array carrying text/plain',
      { ...validOutputs.execute_result, data: Object.assign([], { 'text/plain': '1' }) },
    ],
    ['display_data without data', { output_type: 'display_data' }],
    ['display_data with null data', { output_type: 'display_data', data: null }],
    ['display_data with a non-string mime value', { output_type: 'display_data', data: { 'text/plain': 'x', 'text/html': 5 } }],
    ['error without ename', { output_type: 'error', evalue: 'x', traceback: [] }],
    ['error without evalue', { output_type: 'error', ename: 'E', traceback: [] }],
    ['error without traceback', { output_type: 'error', ename: 'E', evalue: 'x' }],
    ['error with traceback as a string', { ...validOutputs.error, traceback: 'Traceback\n' }],
    ['error with a non-string traceback line', { ...validOutputs.error, traceback: ['ok\n', 3] }],
    ['error with a null traceback line', { ...validOutputs.error, traceback: [null] }],
    ['error with numeric ename', { ...validOutputs.error, ename: 1 }],
  ])('rejects %s', (_, value) => {
    expect(isOutput(value)).toBe(false);
  });
});

describe('isKernelEvent', () => {
  it.each(Object.entries(validEvents))('accepts a valid %s event', (_, event) => {
    expect(isKernelEvent(event)).toBe(true);
  });

  it.each(Object.entries(validOutputs))('accepts an output event carrying a %s output', (_, output) => {
    expect(isKernelEvent({ type: 'output', runId: 1, output })).toBe(true);
  });

  it.each(nonRecords)('rejects %s', (_, value) => {
    expect(isKernelEvent(value)).toBe(false);
  });

  it('does not accept requests as events, nor events as requests', () => {
    for (const request of Object.values(validRequests)) expect(isKernelEvent(request)).toBe(false);
    for (const event of Object.values(validEvents)) expect(isKernelRequest(event)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['unknown type', { type: 'hello' }],
    ['missing type', { runId: 1, status: 'ok' }],
    ['type in another case', { ...validEvents.ready, type: 'Ready' }],
    ['progress with stage missing', { type: 'progress', step: 1, steps: 2 }],
    ['progress with negative step', { ...validEvents.progress, step: -1 }],
    ['progress with fractional steps', { ...validEvents.progress, steps: 2.5 }],
    ['progress with step as a string', { ...validEvents.progress, step: '1' }],
    ['ready without version', { type: 'ready' }],
    ['ready with numeric version', { type: 'ready', version: 27 }],
    ['output without runId', { type: 'output', output: validOutputs.stdout }],
    ['output with negative runId', { ...validEvents.output, runId: -1 }],
    ['output with fractional runId', { ...validEvents.output, runId: 0.5 }],
    ['output with NaN runId', { ...validEvents.output, runId: Number.NaN }],
    ['output with runId as a string', { ...validEvents.output, runId: '7' }],
    ['output with a malformed output', { ...validEvents.output, output: { output_type: 'stream', name: 'stdout' } }],
    ['output with an unknown output_type', { ...validEvents.output, output: { output_type: 'clear_output' } }],
    ['output with the output missing', { type: 'output', runId: 1 }],
    ['output with the output flattened in', { type: 'output', runId: 1, ...validOutputs.stdout }],
    ['output with an array of outputs', { ...validEvents.output, output: [validOutputs.stdout] }],
    ['done with an unknown status', { ...validEvents.done_ok, status: 'cancelled' }],
    ['done without status', { type: 'done', runId: 1 }],
    ['done with negative runId', { ...validEvents.done_ok, runId: -3 }],
    ['done with fractional runId', { ...validEvents.done_ok, runId: 1.25 }],
    ['done with boolean status', { ...validEvents.done_ok, status: true }],
    ['fatal without message', { type: 'fatal' }],
    ['fatal with an Error as message', { type: 'fatal', message: new Error('x') }],
  ])('rejects %s', (_, value) => {
    expect(isKernelEvent(value)).toBe(false);
  });
});

describe('isKernelRequest', () => {
  it.each(Object.entries(validRequests))('accepts a valid %s request', (_, request) => {
    expect(isKernelRequest(request)).toBe(true);
  });

  it.each(nonRecords)('rejects %s', (_, value) => {
    expect(isKernelRequest(value)).toBe(false);
  });

  it('accepts interrupt, and init with a shared interrupt buffer', () => {
    expect(isKernelRequest({ type: 'interrupt' })).toBe(true);
    expect(isKernelRequest({ type: 'init', interruptBuffer: new SharedArrayBuffer(1) })).toBe(true);
  });

  it.each<[string, unknown]>([
    ['unknown type', { type: 'shutdown' }],
    ['init without a shared buffer', { type: 'init', interruptBuffer: new ArrayBuffer(1) }],
    ['an array carrying type reset', Object.assign([], validRequests.reset)],
    ['missing type', { runId: 1, code: '', filename: '', executionCount: 1 }],
    ['run without runId', { type: 'run', code: '', filename: '', executionCount: 1 }],
    ['run with negative runId', { ...validRequests.run, runId: -1 }],
    ['run with fractional runId', { ...validRequests.run, runId: 1.5 }],
    ['run with runId Infinity', { ...validRequests.run, runId: Infinity }],
    ['run with runId as a string', { ...validRequests.run, runId: '1' }],
    ['run without code', { type: 'run', runId: 1, filename: 'Cell 1', executionCount: 1 }],
    ['run with code as an array of lines', { ...validRequests.run, code: ['print(1)'] }],
    ['run with null code', { ...validRequests.run, code: null }],
    ['run without filename', { type: 'run', runId: 1, code: '', executionCount: 1 }],
    ['run with numeric filename', { ...validRequests.run, filename: 3 }],
    ['run without executionCount', { type: 'run', runId: 1, code: '', filename: '' }],
    ['run with negative executionCount', { ...validRequests.run, executionCount: -2 }],
    ['run with fractional executionCount', { ...validRequests.run, executionCount: 0.1 }],
  ])('rejects %s', (_, value) => {
    expect(isKernelRequest(value)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzzing
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small deterministic PRNG, so a failing case is reproducible from its index. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof createRandom>;

const KEYS = [
  'type', 'runId', 'code', 'filename', 'executionCount', 'stage', 'step', 'steps', 'version', 'status',
  'message', 'output', 'output_type', 'name', 'text', 'execution_count', 'data', 'ename', 'evalue',
  'traceback', 'text/plain', 'text/html', '__proto__', 'constructor', '', 'x',
] as const;
const STRINGS = [
  'run', 'reset', 'progress', 'ready', 'output', 'done', 'fatal', 'stream', 'execute_result', 'display_data',
  'error', 'stdout', 'stderr', 'ok', 'cancelled', '', 'text/plain', '<img src=x onerror=alert(1)>', '\u0000',
] as const;
const NUMBERS = [0, -0, 1, 2, -1, 1.5, -0.5, Number.NaN, Infinity, -Infinity, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e300];

function randomLeaf(random: Random): unknown {
  switch (random.int(9)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return random.chance(0.5);
    case 3:
      return random.pick(NUMBERS);
    case 4:
      return random.int(1000);
    case 5:
      return random.pick(STRINGS);
    case 6:
      return String.fromCharCode(...Array.from({ length: random.int(6) }, () => random.int(0x10000)));
    case 7:
      return random.pick<unknown>([1n, Symbol('s'), new Date(0), /re/, new Map(), new Uint8Array(2), () => 1]);
    default:
      return Object.create(null) as unknown;
  }
}

function randomValue(random: Random, depth: number): unknown {
  if (depth <= 0 || random.chance(0.35)) return randomLeaf(random);
  if (random.chance(0.3)) return Array.from({ length: random.int(4) }, () => randomValue(random, depth - 1));
  const record: Record<string, unknown> = random.chance(0.1) ? (Object.create(null) as Record<string, unknown>) : {};
  for (let i = random.int(6); i > 0; i -= 1) {
    Object.defineProperty(record, random.pick(KEYS), {
      value: randomValue(random, depth - 1),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  return record;
}

const validMessages: unknown[] = [
  ...Object.values(validOutputs),
  ...Object.values(validEvents),
  ...Object.values(validRequests),
  ...Object.values(validOutputs).map((output) => ({ type: 'output', runId: 2, output })),
];

/** A valid message with one field removed, replaced, or one level deeper corrupted. */
function mutate(random: Random, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return random.chance(0.5) ? randomLeaf(random) : value;
  const copy: Record<string, unknown> = Array.isArray(value) ? ({ ...value } as Record<string, unknown>) : { ...value };
  const keys = Object.keys(copy);
  const key = keys.length > 0 && random.chance(0.8) ? random.pick(keys) : random.pick(KEYS);
  switch (random.int(4)) {
    case 0:
      delete copy[key];
      break;
    case 1:
      copy[key] = randomLeaf(random);
      break;
    case 2:
      copy[key] = mutate(random, copy[key]);
      break;
    default:
      copy[key] = randomValue(random, 2);
  }
  return Array.isArray(value) ? Object.values(copy) : copy;
}

// An independent, table-driven statement of the protocol, to compare the validators against.
type Rule = (value: unknown) => boolean;
const str: Rule = (v) => typeof v === 'string';
const count: Rule = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;
const oneOf = (...options: string[]): Rule => (v) => options.includes(v as string);
const plainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const bundle: Rule = (v) =>
  plainObject(v) && typeof v['text/plain'] === 'string' && Object.keys(v).every((k) => typeof v[k] === 'string');
const strings: Rule = (v) => Array.isArray(v) && v.every(str);

function bySchema(discriminant: string, schemas: Record<string, Record<string, Rule>>): Rule {
  return (value) => {
    if (!plainObject(value)) return false;
    const tag = value[discriminant];
    if (typeof tag !== 'string' || !Object.hasOwn(schemas, tag)) return false;
    return Object.entries(schemas[tag]!).every(([field, rule]) => rule(value[field]));
  };
}
const referenceOutput = bySchema('output_type', {
  stream: { name: oneOf('stdout', 'stderr'), text: str },
  execute_result: { execution_count: count, data: bundle },
  display_data: { data: bundle },
  error: { ename: str, evalue: str, traceback: strings },
});
const referenceEvent = bySchema('type', {
  progress: { stage: str, step: count, steps: count },
  ready: { version: str },
  output: { runId: count, output: referenceOutput },
  done: { runId: count, status: oneOf('ok', 'error') },
  fatal: { message: str },
});
const referenceRequest = bySchema('type', {
  run: { runId: count, code: str, filename: str, executionCount: count },
  reset: {},
});

describe('validators under fuzzing', () => {
  const validators = [
    ['isOutput', isOutput, referenceOutput],
    ['isKernelEvent', isKernelEvent, referenceEvent],
    ['isKernelRequest', isKernelRequest, referenceRequest],
  ] as const;

  it('the reference agrees with the hand-written cases', () => {
    for (const output of Object.values(validOutputs)) expect(referenceOutput(output)).toBe(true);
    for (const event of Object.values(validEvents)) expect(referenceEvent(event)).toBe(true);
    for (const request of Object.values(validRequests)) expect(referenceRequest(request)).toBe(true);
    for (const [, value] of nonRecords) expect(referenceEvent(value)).toBe(false);
  });

  it('never throw, always return a boolean, and agree with an independent reference on 5,000 values', () => {
    const random = createRandom(0x5eed);
    let accepted = 0;
    let rejected = 0;
    for (let i = 0; i < 5000; i += 1) {
      const value = i % 2 === 0 ? randomValue(random, 4) : mutate(random, random.pick(validMessages));
      for (const [name, validate, reference] of validators) {
        let result: unknown;
        expect(() => {
          result = validate(value);
        }, `${name} threw on case ${i}`).not.toThrow();
        expect(typeof result, `${name} on case ${i}`).toBe('boolean');
        expect(result, `${name} on case ${i}: ${safeDescribe(value)}`).toBe(reference(value));
        if (result) accepted += 1;
        else rejected += 1;
      }
    }
    // The corpus must exercise both answers, or the comparison above proves little.
    expect(accepted).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(5000);
  });

  it('is deterministic: the same seed yields the same corpus', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const first = Array.from({ length: 50 }, () => safeDescribe(randomValue(a, 3)));
    const second = Array.from({ length: 50 }, () => safeDescribe(randomValue(b, 3)));
    expect(first).toEqual(second);
  });
});

function safeDescribe(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_, v: unknown) =>
        typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function' || Number.isNaN(v) ? String(v) : v,
      ) ?? String(value)
    );
  } catch {
    return Object.prototype.toString.call(value);
  }
}
