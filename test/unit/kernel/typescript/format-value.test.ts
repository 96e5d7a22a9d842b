import { describe, expect, it } from 'vitest';
import { formatLogArguments, formatValue } from '../../../../src/kernel/typescript/format-value.ts';

describe('formatValue: primitives', () => {
  it.each([
    ['text', "'text'"],
    ['', "''"],
    ["it's", "'it\\'s'"],
    ['back\\slash', "'back\\\\slash'"],
    ['two\nlines', "'two\\nlines'"],
    ['"double"', `'"double"'`],
  ])('the string %j is quoted and escaped as %s', (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  it.each([
    [42, '42'],
    [-1.5, '-1.5'],
    [0, '0'],
    [1e21, '1e+21'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('the number %s', (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  it('bigints end in n', () => {
    expect(formatValue(1n)).toBe('1n');
    expect(formatValue(-12345678901234567890n)).toBe('-12345678901234567890n');
  });

  it('booleans, null, undefined and symbols', () => {
    expect(formatValue(true)).toBe('true');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue(Symbol('tag'))).toBe('Symbol(tag)');
  });
});

describe('formatValue: arrays and objects', () => {
  it('arrays have spaces inside the brackets and quoted strings', () => {
    expect(formatValue([1, 2])).toBe('[ 1, 2 ]');
    expect(formatValue(['a', null, undefined, 3n])).toBe("[ 'a', null, undefined, 3n ]");
  });

  it('empty and nested arrays', () => {
    expect(formatValue([])).toBe('[]');
    expect(formatValue([[1], [], [[2, 3]]])).toBe('[ [ 1 ], [], [ [ 2, 3 ] ] ]');
  });

  it('plain objects', () => {
    expect(formatValue({ a: 1, b: 'x' })).toBe("{ a: 1, b: 'x' }");
    expect(formatValue({})).toBe('{}');
    expect(formatValue({ list: [1, { deep: true }] })).toBe('{ list: [ 1, { deep: true } ] }');
  });

  it('objects without a prototype look like plain objects', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare['k'] = 1;
    expect(formatValue(bare)).toBe('{ k: 1 }');
  });

  it('class instances carry the class name', () => {
    class Task {
      n = 1;
    }
    class Empty {}
    class Special extends Task {
      label = 'x';
    }
    expect(formatValue(new Task())).toBe('Task { n: 1 }');
    expect(formatValue(new Empty())).toBe('Empty {}');
    expect(formatValue(new Special())).toBe("Special { n: 1, label: 'x' }");
    expect(formatValue([new Task()])).toBe('[ Task { n: 1 } ]');
  });

  it('only own enumerable keys are shown, methods on the prototype are not', () => {
    class WithMethod {
      value = 2;
      get doubled() {
        return this.value * 2;
      }
      method() {
        return 1;
      }
    }
    expect(formatValue(new WithMethod())).toBe('WithMethod { value: 2 }');
  });

  it('a pending promise', () => {
    expect(formatValue(new Promise(() => {}))).toBe('Promise { <pending> }');
  });
});

describe('formatValue: functions, classes and errors', () => {
  it('functions show their name', () => {
    function f() {}
    const arrow = () => 1;
    async function later() {}
    function* gen() {}
    expect(formatValue(f)).toBe('[Function: f]');
    expect(formatValue(arrow)).toBe('[Function: arrow]');
    expect(formatValue(later)).toBe('[Function: later]');
    expect(formatValue(gen)).toBe('[Function: gen]');
    expect(formatValue(Math.max)).toBe('[Function: max]');
  });

  it('anonymous functions', () => {
    expect(formatValue([() => 1][0])).toBe('[Function: (anonymous)]');
  });

  it('classes are shown as classes', () => {
    class Task {}
    expect(formatValue(Task)).toBe('[class Task]');
    expect(formatValue([class {}][0])).toBe('[class (anonymous)]');
    expect(formatValue({ Task })).toBe('{ Task: [class Task] }');
  });

  // BUG (src/kernel/typescript/format-value.ts, line 16): a class is recognised by its source
  // starting with "class", and a method's source starts with its name, so a method called
  // `classify` (or `classes`, `className()`, …) is shown as `[class classify]`.
  it('a method whose name starts with "class" is still a function', () => {
    const helpers = {
      classify() {
        return 1;
      },
    };
    expect(formatValue(helpers.classify)).toBe('[Function: classify]');
  });

  it('errors show their name and message', () => {
    expect(formatValue(new Error('boom'))).toBe('Error: boom');
    expect(formatValue(new TypeError('bad type'))).toBe('TypeError: bad type');
    class ValidationError extends Error {
      override name = 'ValidationError';
    }
    expect(formatValue(new ValidationError('field'))).toBe('ValidationError: field');
    expect(formatValue({ failure: new RangeError('r') })).toBe('{ failure: RangeError: r }');
  });
});

describe('formatValue: depth limit', () => {
  it('objects deeper than two levels are abbreviated as [Object]', () => {
    expect(formatValue({ a: { b: { c: { d: 1 } } } })).toBe('{ a: { b: { c: [Object] } } }');
    expect(formatValue({ a: { b: { c: 1 } } })).toBe('{ a: { b: { c: 1 } } }');
  });

  it('arrays deeper than two levels are abbreviated as [Array]', () => {
    expect(formatValue([[[[1]]]])).toBe('[ [ [ [Array] ] ] ]');
    expect(formatValue([[[1]]])).toBe('[ [ [ 1 ] ] ]');
  });

  it('primitives at any depth are still shown', () => {
    expect(formatValue({ a: { b: { c: 'deep' } } })).toBe("{ a: { b: { c: 'deep' } } }");
  });

  it('a circular object does not loop forever', () => {
    const loop: Record<string, unknown> = { id: 1 };
    loop['self'] = loop;
    expect(formatValue(loop)).toBe('{ id: 1, self: { id: 1, self: { id: 1, self: [Object] } } }');
  });

  it('the depth argument starts the count', () => {
    expect(formatValue({ a: 1 }, 3)).toBe('[Object]');
    expect(formatValue([1], 3)).toBe('[Array]');
    expect(formatValue('still a string', 10)).toBe("'still a string'");
  });
});

describe('formatLogArguments', () => {
  it('joins arguments with spaces and leaves strings raw', () => {
    expect(formatLogArguments(['count:', 3, 'items', [1, 'a'], { k: 'v' }])).toBe(
      "count: 3 items [ 1, 'a' ] { k: 'v' }",
    );
  });

  it('strings keep their quotes, backslashes and newlines unescaped', () => {
    expect(formatLogArguments(["it's", 'a\\b', 'two\nlines'])).toBe("it's a\\b two\nlines");
  });

  it('no arguments give an empty line, a single one is itself', () => {
    expect(formatLogArguments([])).toBe('');
    expect(formatLogArguments(['only'])).toBe('only');
    expect(formatLogArguments([null, undefined, 1n, true])).toBe('null undefined 1n true');
  });

  it('an empty string still counts as an argument', () => {
    expect(formatLogArguments(['a', '', 'b'])).toBe('a  b');
  });
});
