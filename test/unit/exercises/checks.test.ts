import { describe, expect, test } from 'vitest';
import { evaluate, notChecked, type Observation, type Rule } from '../../../src/exercises/checks.ts';

const ran = (lines: string[], more: Partial<Observation> = {}): Observation => ({
  lines,
  error: null,
  timedOut: false,
  clockReads: 0,
  values: {},
  ...more,
});

const PING_PONG = ['Start ping', 'Start pong', 'End pong', 'End ping'];

describe('order rules', () => {
  const rule: Rule = { kind: 'before', first: 'End pong', then: 'End ping', expected: 'Pong to finish before Ping', instead: 'Ping finished first' };

  test('pass when the first line comes before the second, whatever else is printed', () => {
    expect(evaluate([rule], ran(['noise', 'End pong', 'more noise', 'End ping']), '', 3).solved).toBe(true);
  });

  test('say what was expected and what happened instead', () => {
    const feedback = evaluate([rule], ran(['Start ping', 'Start pong', 'End ping', 'End pong']), '', 3);
    expect(feedback.solved).toBe(false);
    expect(feedback.summary).toBe('Not solved yet: expected Pong to finish before Ping; Ping finished first.');
  });

  test('name the line that was never printed', () => {
    const feedback = evaluate([rule], ran(['Start ping', 'End ping']), '', 3);
    expect(feedback.summary).toBe('Not solved yet: expected Pong to finish before Ping; “End pong” was never printed.');
  });

  test('word themselves from the lines when the exercise gives no words', () => {
    const feedback = evaluate([{ kind: 'before', first: 'a', then: 'b' }], ran(['b', 'a']), '', 3);
    expect(feedback.summary).toBe('Not solved yet: expected “a” before “b”; “b” came first.');
  });
});

describe('whole transcripts', () => {
  const rule: Rule = { kind: 'lines', expected: PING_PONG };

  test('point at the first line that differs', () => {
    const feedback = evaluate([rule], ran(['Start ping', 'Start pong', 'End ping', 'End pong']), '', 3);
    expect(feedback.summary).toBe('Not solved yet: expected line 3 to be “End pong”; it was “End ping”.');
  });

  test('say when the output ends early or goes on', () => {
    expect(evaluate([rule], ran(PING_PONG.slice(0, 2)), '', 3).summary).toContain('expected line 3 to be “End pong”; the output ended there');
    expect(evaluate([rule], ran([...PING_PONG, 'extra']), '', 3).summary).toContain('expected 4 lines; after them came “extra”');
  });
});

describe('counts as relations', () => {
  const more: Rule = { kind: 'count', label: 'clock checks', of: { value: 'checks' }, relation: '>', than: 1000 };
  const atMost: Rule = { kind: 'count', label: 'clock checks', of: { value: 'checks' }, relation: '<=', than: 'clockReads' };

  test('compare a value of the reader’s with a number, in words, with thousands separated', () => {
    expect(evaluate([more], ran([], { values: { checks: 24_001 } }), '', 3).solved).toBe(true);
    expect(evaluate([more], ran([], { values: { checks: 12 } }), '', 3).summary).toBe(
      'Not solved yet: expected more than 1,000 clock checks; there were 12.',
    );
  });

  test('compare with how often the clock was really read, so a made-up number fails', () => {
    const feedback = evaluate([more, atMost], ran([], { values: { checks: 5000 }, clockReads: 2001 }), '', 3);
    expect(feedback.summary).toBe('Not solved yet: expected at most 2,001 clock checks; there were 5,000.');
  });

  test('say so when the value is missing', () => {
    expect(evaluate([more], ran([]), '', 3).summary).toBe('Not solved yet: expected `checks` to be a number; it is not set.');
  });
});

describe('the reader saying what the program prints', () => {
  const rule: Rule = { kind: 'said-output', name: 'answer' };
  const printed = ['Start ping', 'Start pong', 'End pong', 'End ping'];

  test('passes when the list matches the output line for line', () => {
    expect(evaluate([rule], ran(printed, { values: { answer: printed } }), '', 3).solved).toBe(true);
  });

  test('points at the first line where the guess and the output part', () => {
    const said = ['Start ping', 'Start pong', 'End ping', 'End pong'];
    expect(evaluate([rule], ran(printed, { values: { answer: said } }), '', 3).summary).toBe(
      'Not solved yet: expected `answer` to match the output; at line 3 the program printed “End pong”, and yours says “End ping”.',
    );
  });

  test('asks for a guess when there is none', () => {
    expect(evaluate([rule], ran(printed, { values: { answer: [] } }), '', 3).summary).toContain('to list the lines in the order you expect; it is empty');
  });
});

describe('feedback', () => {
  test('leads with the first failing rule in the listed order, and reports every rule', () => {
    const rules: Rule[] = [
      { kind: 'no-error' },
      { kind: 'prints', line: 'Start ping' },
      { kind: 'prints', line: 'End ping' },
    ];
    const feedback = evaluate(rules, ran(['Start pong']), '', 3);
    expect(feedback.summary).toBe('Not solved yet: expected “Start ping” to be printed; it printed “Start pong”.');
    expect(feedback.results.map((result) => result.passed)).toEqual([true, false, false]);
  });

  test('report an error with its name and message', () => {
    const feedback = evaluate([{ kind: 'no-error' }], ran([], { error: { ename: 'NameError', evalue: "name 'Ping' is not defined" } }), '', 3);
    expect(feedback.summary).toBe("Not solved yet: expected your code to run without an error; it raised NameError: name 'Ping' is not defined.");
  });

  test('say that a program which ran too long was stopped, before anything else', () => {
    const feedback = evaluate([{ kind: 'no-error' }], ran([], { timedOut: true }), '', 3);
    expect(feedback.solved).toBe(false);
    expect(feedback.summary).toContain('still running after 3 seconds, so it was stopped');
  });

  test('check the source for what the exercise forbids', () => {
    const rule: Rule = { kind: 'source-lacks', pattern: String.raw`\bgather\s*\(`, description: 'no call to asyncio.gather()' };
    expect(evaluate([rule], ran([]), 'await asyncio.gather(ping(), pong())', 3).summary).toBe(
      'Not solved yet: expected no call to asyncio.gather(); your code has one.',
    );
    expect(evaluate([rule], ran([]), '# without gather\nawait t', 3).solved).toBe(true);
  });

  test('a rule may carry its own message', () => {
    const feedback = evaluate([{ kind: 'prints', line: 'x', message: 'print x first' }], ran([]), '', 3);
    expect(feedback.summary).toBe('Not solved yet: print x first.');
  });

  test('solved when every rule passes', () => {
    expect(evaluate([{ kind: 'lines', expected: PING_PONG }], ran(PING_PONG), '', 3)).toMatchObject({
      solved: true,
      summary: 'Solved: every check passed.',
    });
  });

  test('a check that could not run is not a verdict', () => {
    expect(notChecked('the kernel stopped.')).toEqual({ solved: false, summary: 'Not checked: The kernel stopped.', results: [] });
  });
});
