import { describe, expect, it } from 'vitest';
import {
  array,
  boolean,
  count,
  custom,
  isRecord,
  literal,
  nullable,
  number,
  object,
  optional,
  record,
  string,
  tagged,
} from '../../../src/lib/schema.ts';

/** Values of every JavaScript kind, so each primitive is checked against all the others. */
const samples: Record<string, unknown> = {
  emptyString: '',
  word: 'run',
  zero: 0,
  negativeZero: -0,
  one: 1,
  negative: -1,
  fraction: 1.5,
  nan: Number.NaN,
  infinity: Infinity,
  unsafeInteger: 2 ** 53,
  true: true,
  false: false,
  null: null,
  undefined: undefined,
  bigint: 1n,
  symbol: Symbol('s'),
  array: [],
  object: {},
  function: () => 1,
};

function accepted(check: { is(value: unknown): boolean }): string[] {
  return Object.entries(samples)
    .filter(([, value]) => check.is(value))
    .map(([name]) => name);
}

describe('primitives', () => {
  it('string accepts strings only', () => {
    expect(accepted(string)).toEqual(['emptyString', 'word']);
  });

  it('boolean accepts true and false only, not truthy values', () => {
    expect(accepted(boolean)).toEqual(['true', 'false']);
  });

  it('number accepts finite numbers only (no NaN, no Infinity, no bigint)', () => {
    expect(accepted(number)).toEqual(['zero', 'negativeZero', 'one', 'negative', 'fraction', 'unsafeInteger']);
  });

  it('count accepts whole numbers from 0 up to the largest safe integer', () => {
    expect(accepted(count)).toEqual(['zero', 'negativeZero', 'one']);
    expect(count.is(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(count.is(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(count.is('3')).toBe(false);
  });
});

describe('literal', () => {
  it('accepts exactly the listed values, compared strictly', () => {
    const state = literal('idle', 'busy');
    expect(state.is('idle')).toBe(true);
    expect(state.is('busy')).toBe(true);
    expect(state.is('Idle')).toBe(false);
    expect(state.is('dead')).toBe(false);
    expect(state.is(undefined)).toBe(false);
  });

  it('does not coerce numbers and booleans', () => {
    const one = literal<number | boolean>(1, true);
    expect(one.is(1)).toBe(true);
    expect(one.is(true)).toBe(true);
    expect(one.is('1')).toBe(false);
    expect(one.is('true')).toBe(false);
    expect(one.is(2)).toBe(false);
  });

  it('with no values accepts nothing', () => {
    expect(accepted(literal())).toEqual([]);
  });
});

describe('array', () => {
  const lines = array(string);

  it('accepts an array whose every item matches, including an empty one', () => {
    expect(lines.is([])).toBe(true);
    expect(lines.is(['a', 'b'])).toBe(true);
  });

  it('rejects a single bad item, wherever it is', () => {
    expect(lines.is([1])).toBe(false);
    expect(lines.is(['a', 'b', null])).toBe(false);
  });

  it('rejects what is not an array, even array-like objects and strings', () => {
    expect(lines.is('ab')).toBe(false);
    expect(lines.is({ 0: 'a', length: 1 })).toBe(false);
    expect(lines.is(undefined)).toBe(false);
  });

  it('nests', () => {
    const grid = array(array(count));
    expect(grid.is([[0, 1], [], [2]])).toBe(true);
    expect(grid.is([[0, 1], [-1]])).toBe(false);
    expect(grid.is([0, 1])).toBe(false);
  });
});

describe('record', () => {
  const bundle = record(string);

  it('accepts a plain object whose every value matches, and an empty one', () => {
    expect(bundle.is({})).toBe(true);
    expect(bundle.is({ 'text/plain': 'x', 'text/html': '<b>x</b>' })).toBe(true);
  });

  it('rejects one value of the wrong type', () => {
    expect(bundle.is({ 'text/plain': 'x', 'image/png': 1 })).toBe(false);
    expect(bundle.is({ 'text/plain': undefined })).toBe(false);
  });

  it('rejects arrays, null and primitives', () => {
    expect(bundle.is(['x'])).toBe(false);
    expect(bundle.is(null)).toBe(false);
    expect(bundle.is('x')).toBe(false);
  });
});

describe('isRecord', () => {
  it('is true for objects that are not arrays, including ones without a prototype', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    expect(isRecord(new Map())).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord(() => 1)).toBe(false);
    expect(isRecord('x')).toBe(false);
  });
});

describe('custom', () => {
  it('uses the given test, and nothing else', () => {
    const buffer = custom((value): value is ArrayBuffer => value instanceof ArrayBuffer);
    expect(buffer.is(new ArrayBuffer(1))).toBe(true);
    expect(buffer.is(new Uint8Array(1))).toBe(false);
    expect(buffer.is({ byteLength: 1 })).toBe(false);
  });
});

describe('optional and nullable', () => {
  it('optional accepts undefined or the inner value, never null', () => {
    const maybe = optional(count);
    expect(maybe.is(undefined)).toBe(true);
    expect(maybe.is(3)).toBe(true);
    expect(maybe.is(null)).toBe(false);
    expect(maybe.is(-3)).toBe(false);
  });

  it('nullable accepts null or the inner value, never undefined', () => {
    const maybe = nullable(string);
    expect(maybe.is(null)).toBe(true);
    expect(maybe.is('x')).toBe(true);
    expect(maybe.is(undefined)).toBe(false);
    expect(maybe.is(0)).toBe(false);
  });
});

describe('object', () => {
  const run = object({ runId: count, code: string, note: optional(string) });

  it('accepts an object with every required key valid, the optional one absent or valid', () => {
    expect(run.is({ runId: 1, code: 'x' })).toBe(true);
    expect(run.is({ runId: 1, code: 'x', note: 'why' })).toBe(true);
    expect(run.is({ runId: 1, code: 'x', note: undefined })).toBe(true);
  });

  it('rejects a missing required key', () => {
    expect(run.is({ runId: 1 })).toBe(false);
    expect(run.is({ code: 'x' })).toBe(false);
  });

  it('rejects a required key of the wrong type', () => {
    expect(run.is({ runId: '1', code: 'x' })).toBe(false);
    expect(run.is({ runId: 1, code: ['x'] })).toBe(false);
  });

  it('rejects an optional key that is present with the wrong type', () => {
    expect(run.is({ runId: 1, code: 'x', note: 3 })).toBe(false);
    expect(run.is({ runId: 1, code: 'x', note: null })).toBe(false);
  });

  it('ignores keys it does not declare (messages may grow)', () => {
    expect(run.is({ runId: 1, code: 'x', extra: { anything: true } })).toBe(true);
  });

  it('rejects arrays carrying the right fields, null and primitives', () => {
    expect(run.is(Object.assign([], { runId: 1, code: 'x' }))).toBe(false);
    expect(run.is(null)).toBe(false);
    expect(run.is('{"runId":1,"code":"x"}')).toBe(false);
  });

  it('an empty shape accepts any plain object', () => {
    const anything = object({});
    expect(anything.is({})).toBe(true);
    expect(anything.is({ a: 1 })).toBe(true);
    expect(anything.is([])).toBe(false);
  });

  it('keeps its shape, so another schema can reuse its fields', () => {
    expect(Object.keys(run.shape)).toEqual(['runId', 'code', 'note']);
    const extended = object({ ...run.shape, filename: string });
    expect(extended.is({ runId: 1, code: 'x', filename: 'Cell 1' })).toBe(true);
    expect(extended.is({ runId: 1, code: 'x' })).toBe(false);
  });

  it('nests objects', () => {
    const event = object({ runId: count, output: object({ text: string }) });
    expect(event.is({ runId: 1, output: { text: 'a' } })).toBe(true);
    expect(event.is({ runId: 1, output: { text: 1 } })).toBe(false);
    expect(event.is({ runId: 1 })).toBe(false);
  });
});

describe('tagged', () => {
  const shape = tagged('kind', {
    circle: { radius: number },
    rect: { width: number, height: number, label: optional(string) },
    dot: {},
  });

  it('lists its tags in declaration order', () => {
    expect(shape.tags).toEqual(['circle', 'rect', 'dot']);
  });

  it('accepts each member in its valid form', () => {
    expect(shape.is({ kind: 'circle', radius: 2 })).toBe(true);
    expect(shape.is({ kind: 'rect', width: 1, height: 2 })).toBe(true);
    expect(shape.is({ kind: 'rect', width: 1, height: 2, label: 'door' })).toBe(true);
    expect(shape.is({ kind: 'dot' })).toBe(true);
  });

  it('checks a value against the member its tag names, not against any member', () => {
    // Valid as a circle, but tagged as a rect.
    expect(shape.is({ kind: 'rect', radius: 2 })).toBe(false);
    // Valid as a rect, but tagged as a circle.
    expect(shape.is({ kind: 'circle', width: 1, height: 2 })).toBe(false);
  });

  it('rejects a member with a field missing or of the wrong type', () => {
    expect(shape.is({ kind: 'circle' })).toBe(false);
    expect(shape.is({ kind: 'circle', radius: '2' })).toBe(false);
    expect(shape.is({ kind: 'rect', width: 1 })).toBe(false);
    expect(shape.is({ kind: 'rect', width: 1, height: 2, label: 4 })).toBe(false);
  });

  it('rejects unknown tags, a missing tag and tags of another case or type', () => {
    expect(shape.is({ kind: 'square', radius: 2 })).toBe(false);
    expect(shape.is({ radius: 2 })).toBe(false);
    expect(shape.is({ kind: 'Circle', radius: 2 })).toBe(false);
    expect(shape.is({ kind: 1, radius: 2 })).toBe(false);
    expect(shape.is({ kind: ['circle'], radius: 2 })).toBe(false);
  });

  it('rejects tags that name properties every object inherits', () => {
    for (const kind of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(shape.is({ kind }), kind).toBe(false);
    }
  });

  it('rejects what is not a plain object', () => {
    expect(shape.is(null)).toBe(false);
    expect(shape.is(undefined)).toBe(false);
    expect(shape.is('circle')).toBe(false);
    expect(shape.is(Object.assign([], { kind: 'dot' }))).toBe(false);
  });
});
