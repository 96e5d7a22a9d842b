import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatLogArguments, formatValue } from '../../../../src/kernel/typescript/format-value.ts';

// The TypeScript kernel shows values as Node does. Vitest runs in Node, so Node's own `util` is
// the reference: each value below must come out exactly as `inspect` / `format` print it.

class Task {
  n = 1;
  label = 'x';
  get doubled() {
    return this.n * 2;
  }
  method() {
    return 1;
  }
}
class Special extends Task {
  extra = [1, 2];
}
class Empty {}
class Tagged {
  get [Symbol.toStringTag]() {
    return 'tag';
  }
}
class ValidationError extends Error {
  override name = 'ValidationError';
}

const circular: Record<string, unknown> = { id: 1 };
circular['self'] = circular;
const twoWay: Record<string, unknown> = { name: 'a', peer: { name: 'b' } };
(twoWay['peer'] as Record<string, unknown>)['peer'] = twoWay;

const withExtra = Object.assign([1, 2], { extra: true });
const bare = Object.assign(Object.create(null) as object, { k: 1 });
const hidden = Object.defineProperty({ shown: 1 }, 'hidden', { value: 2, enumerable: false });
const ownGetter = Object.defineProperty({}, 'value', { get: () => 1, enumerable: true });
const getterSetter = Object.defineProperty({}, 'both', { get: () => 1, set: () => {}, enumerable: true });
const custom = { [Symbol.for('nodejs.util.inspect.custom')]: () => 'custom view' };
const withProps = Object.assign(function helper() {}, { version: 2 });

/** Errors without their stack (stacks name files, and differ between the two): `[Error: boom]`. */
function stackless<E extends Error>(error: E): E {
  Object.defineProperty(error, 'stack', { value: '', enumerable: false });
  return error;
}

const values: [string, unknown][] = [
  ['a string', 'text'],
  ['an empty string', ''],
  ['a string with a single quote', "it's"],
  ['a string with double quotes', 'say "hi"'],
  ['a string with both quotes', `both ' and "`],
  ['a string with a backtick and both quotes', "`a' \"b\""],
  ['a string with a backslash and a newline', 'back\\slash\ntwo'],
  ['an integer', 42],
  ['a float', -1.5],
  ['minus zero', -0],
  ['NaN and infinities', [NaN, Infinity, -Infinity]],
  ['a huge number', 1e21],
  ['bigints', [10n, -12345678901234567890n]],
  ['booleans, null and undefined', [true, false, null, undefined]],
  ['symbols', [Symbol('tag'), Symbol(), Symbol.iterator]],
  ['an empty array', []],
  ['a short array', [1, 'a', null]],
  ['nested arrays', [[1], [], [[2, 3]]]],
  ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
  ['an array of holes', new Array(5)],
  ['an array with a property', withExtra],
  ['a long array that wraps', Array.from({ length: 30 }, (_, i) => i * 1000)],
  ['an array past 100 items', Array.from({ length: 120 }, (_, i) => i)],
  ['an array of long strings', ['alpha'.repeat(4), 'beta'.repeat(5), 'gamma'.repeat(4), 'delta'.repeat(4)]],
  ['an array of objects', [{ id: 1, done: false }, { id: 2, done: true }]],
  ['an empty object', {}],
  ['a plain object', { a: 1, b: 'x' }],
  ['keys that need quotes', { 'a-b': 1, c: 2, '1x': 3 }],
  ['nesting deeper than 2', { a: { b: { c: { d: 1 } } } }],
  ['arrays nested deeper than 2', [[[[1]]]]],
  ['an object with many keys', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, i]))],
  ['an object with a long string', { long: 'x'.repeat(100) }],
  ['a circular object', circular],
  ['two objects that point at each other', twoWay],
  ['an object without a prototype', bare],
  ['a non-enumerable property', hidden],
  ['an own getter', ownGetter],
  ['a getter with a setter', getterSetter],
  ['a custom inspect function', custom],
  ['a class instance (its getter and method are not shown)', new Task()],
  ['a subclass instance', new Special()],
  ['an empty class instance', new Empty()],
  ['a class with a toStringTag', new Tagged()],
  ['instances in an array', [new Task(), new Empty()]],
  ['a Map', new Map([['a', 1]])],
  ['an empty Map', new Map()],
  ['a Map with object keys and nested values', new Map<unknown, unknown>([[{ k: 1 }, new Set([1, 2])], ['list', [1, { deep: [2, { deeper: 3 }] }]]])],
  ['a Set', new Set([1, 'x', { y: 2 }])],
  ['a Map inside an array', [new Map([[1, new Map([[2, 'two']])]])]],
  ['a WeakMap', new WeakMap()],
  ['a WeakSet', new WeakSet()],
  ['a Date', new Date(0)],
  ['an invalid Date', new Date(Number.NaN)],
  ['a RegExp', /a+b/gi],
  ['a named function', function named() {}],
  ['an arrow function', (() => () => 1)()],
  ['an async function', async function later() {}],
  ['a generator function', function* gen() {}],
  ['a built-in function', Math.max],
  ['a bound function', function f() {}.bind(null)],
  ['a function with a property', withProps],
  ['a class', Task],
  ['a subclass', Special],
  ['an anonymous class', [class {}][0]],
  ['a Uint8Array', new Uint8Array([1, 2, 3])],
  ['a Float64Array', new Float64Array([0.5, -0])],
  ['a long Int32Array', new Int32Array(200)],
  ['boxed primitives', [new Number(3), new String('s'), new Boolean(false), Object(1n), Object(Symbol('x'))]],
  ['a pending promise', new Promise(() => {})],
  ['Math and JSON', [Math, JSON]],
  ['an array iterator', [1, 2].values()],
  ['an error without its stack', stackless(new Error('boom'))],
  ['errors nested in an object, without stacks', { failure: stackless(new RangeError('r')), other: stackless(new ValidationError('field')) }],
];

describe('formatValue shows a value as node:util inspect does', () => {
  it(`covers at least 40 values (${values.length})`, () => {
    expect(values.length).toBeGreaterThanOrEqual(40);
  });

  it.each(values)('%s', (_, value) => {
    expect(formatValue(value)).toBe(inspect(value));
  });

  it.each([
    ['Error', new Error('boom')],
    ['TypeError', new TypeError('bad type')],
    ['a subclass that renames itself', new ValidationError('field')],
  ])('an %s starts with the line Node prints, then its stack', (_, error) => {
    const shown = formatValue(error).split('\n');
    expect(shown[0]).toBe(inspect(error).split('\n')[0]);
    expect(shown[1]).toMatch(/^ {4}at /);
  });

  it('shows Map(1) { … } where the old formatter printed Map {}', () => {
    expect(formatValue(new Map([['a', 1]]))).toBe("Map(1) { 'a' => 1 }");
  });
});

describe('where a port of inspect cannot see what Node sees', () => {
  // Node reads a promise's state through V8 internals; code on the web cannot.
  it('a settled promise shows as pending', () => {
    expect(formatValue(Promise.resolve(4))).toBe('Promise { <pending> }');
    expect(inspect(Promise.resolve(4))).toBe('Promise { 4 }');
  });

  // node-inspect-extracted 3.3 and Node 20 differ in two details of the brackets.
  it('symbol keys lose their brackets, an ArrayBuffer’s byteLength gains them', () => {
    expect(formatValue({ [Symbol('k')]: 1 })).toBe('{ Symbol(k): 1 }');
    expect(inspect({ [Symbol('k')]: 1 })).toBe('{ [Symbol(k)]: 1 }');
    expect(formatValue(new ArrayBuffer(2))).toBe('ArrayBuffer { [Uint8Contents]: <00 00>, [byteLength]: 2 }');
    expect(inspect(new ArrayBuffer(2))).toBe('ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }');
  });
});

const logCalls: [string, unknown[]][] = [
  ['%s and %d', ['%s is %d', 'x', 5]],
  ['%i on a string', ['%i', '42.9']],
  ['%f on a string', ['%f', '1.5']],
  ['%d on a bigint and on minus zero', ['%d %d', 2n, -0]],
  ['%d on hex text', ['%d', '0x10']],
  ['%j', ['%j', { a: [1, 'b'] }]],
  ['%j on a circular object', ['%j', circular]],
  ['%o', ['%o', { a: [1, 2] }]],
  ['%O', ['%O', { a: { b: { c: { d: 1 } } } }]],
  ['%c is dropped', ['%cstyled', 'color: red']],
  ['%% is a percent sign', ['100%% done', 1]],
  ['%s on an object, a bigint, a symbol, null and minus zero', ['%s %s %s %s %s', { a: 1 }, 2n, Symbol('z'), null, -0]],
  ['%s on an array, a class and a function', ['%s | %s | %s', [1, [2]], Task, () => 1]],
  ['%s on a Date', ['%s', new Date(0)]],
  ['a specifier without its argument stays', ['%s:%s', 'only']],
  ['extra arguments are appended, inspected', ['%s', 'a', { b: 1 }, 'c']],
  ['no format string: everything inspected but strings', ['count:', 3, 'items', [1, 'a'], { k: 'v' }]],
  ['a first argument that is not a string', [{ a: 1 }, '%s', 'x']],
  ['a Map and a string', [new Map([['a', 1]]), 'x']],
  ['strings keep quotes, backslashes and newlines', ["it's", 'a\\b', 'two\nlines']],
  ['no arguments', []],
  ['one string', ['only']],
  ['null, undefined, a bigint, a boolean', [null, undefined, 1n, true]],
  ['an empty string still counts', ['a', '', 'b']],
];

describe('formatLogArguments formats console.log arguments as node:util format does', () => {
  it.each(logCalls)('%s', (_, args) => {
    expect(formatLogArguments(args)).toBe(format(...args));
  });

  it('formats %s and %d as Node’s console does', () => {
    expect(formatLogArguments(['%s is %d', 'x', 5])).toBe('x is 5');
  });
});
