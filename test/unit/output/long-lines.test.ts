import { describe, expect, it } from 'vitest';
import { createLongLineLimiter } from '../../../src/output/long-lines.ts';

/** What the limiter writes after a cut line, before its newline. */
const marker = (hidden: number) => ` … [${hidden.toLocaleString('en')} characters hidden]`;

/** What the reader should see of `text`: each line cut to `maxChars`, with the count of what was cut. */
function expected(text: string, maxChars: number): string {
  return text
    .split('\n')
    .map((line) => (line.length > maxChars ? line.slice(0, maxChars) + marker(line.length - maxChars) : line))
    .join('\n');
}

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('createLongLineLimiter', () => {
  it('passes short lines through unchanged', () => {
    const limiter = createLongLineLimiter(10);
    expect(limiter.push('short\n')).toBe('short\n');
    expect(limiter.push('a\nbb\n\nccc\n')).toBe('a\nbb\n\nccc\n');
    expect(limiter.push('no newline')).toBe('no newline');
    expect(limiter.end()).toBe('');
  });

  it('keeps a line of exactly maxChars whole, without a marker', () => {
    const limiter = createLongLineLimiter(10);
    expect(limiter.push('0123456789\n')).toBe('0123456789\n');
    expect(limiter.push('0123456789')).toBe('0123456789');
    expect(limiter.end()).toBe('');
  });

  it('returns an empty string for an empty push', () => {
    const limiter = createLongLineLimiter(10);
    expect(limiter.push('')).toBe('');
    expect(limiter.end()).toBe('');
  });

  it('cuts a long line to maxChars and says how many characters were hidden, before its newline', () => {
    const limiter = createLongLineLimiter(10);
    expect(limiter.push('abcdefghijKLMNO\n')).toBe('abcdefghij … [5 characters hidden]\n');
  });

  it('counts the hidden characters exactly, with thousands separators', () => {
    const limiter = createLongLineLimiter(10);
    expect(limiter.push(`${'x'.repeat(10)}${'y'.repeat(1234)}\n`)).toBe(`${'x'.repeat(10)} … [1,234 characters hidden]\n`);
    expect(limiter.push(`${'x'.repeat(11)}\n`)).toBe(`${'x'.repeat(10)} … [1 characters hidden]\n`);
  });

  it('uses 10,000 characters by default', () => {
    const limiter = createLongLineLimiter();
    const line = 'z'.repeat(10_000);
    expect(limiter.push(`${line}\n`)).toBe(`${line}\n`);
    expect(limiter.push(`${line}zz\n`)).toBe(`${line} … [2 characters hidden]\n`);
  });

  it('cuts a long line that arrives in several pushes the same way, counting across pushes', () => {
    const limiter = createLongLineLimiter(10);
    expect(limiter.push('abcdef')).toBe('abcdef');
    expect(limiter.push('ghijKL')).toBe('ghij');
    expect(limiter.push('MNO')).toBe('');
    expect(limiter.push('')).toBe('');
    expect(limiter.push('P\nnext\n')).toBe(' … [6 characters hidden]\nnext\n');
  });

  it('writes the marker when the newline arrives alone', () => {
    const limiter = createLongLineLimiter(5);
    expect(limiter.push('1234567')).toBe('12345');
    expect(limiter.push('\n')).toBe(' … [2 characters hidden]\n');
  });

  it('gives the same text whether a line arrives whole or one character at a time', () => {
    const text = `short\n${'a'.repeat(25)}\nok\n${'b'.repeat(11)}\n`;
    const whole = createLongLineLimiter(10).push(text);
    const limiter = createLongLineLimiter(10);
    const pieces = [...text].map((char) => limiter.push(char)).join('');
    expect(pieces).toBe(whole);
    expect(whole).toBe(expected(text, 10));
  });

  it('end() closes a cut line that has no newline yet', () => {
    const limiter = createLongLineLimiter(10);
    expect(limiter.push('abcdefghijKLM')).toBe('abcdefghij');
    expect(limiter.end()).toBe(' … [3 characters hidden]');
    // Said once: a second end() has nothing more to tell.
    expect(limiter.end()).toBe('');
  });

  it('end() returns an empty string when nothing was cut', () => {
    const limiter = createLongLineLimiter(10);
    expect(limiter.end()).toBe('');
    limiter.push('abc');
    expect(limiter.end()).toBe('');
    limiter.push('abcdefghijKL\n');
    expect(limiter.end()).toBe('');
  });

  it('end() starts a new line: the next push is measured from zero', () => {
    const limiter = createLongLineLimiter(10);
    limiter.push('abcdef');
    expect(limiter.end()).toBe('');
    expect(limiter.push('0123456789')).toBe('0123456789');
    expect(limiter.push('X')).toBe('');
    expect(limiter.end()).toBe(' … [1 characters hidden]');
    expect(limiter.push('0123456789\n')).toBe('0123456789\n');
  });

  it('resets its counters after each line', () => {
    const limiter = createLongLineLimiter(10);
    expect(limiter.push('abcdefghijKLMNO\nabcdefghijKLM\n0123456789\n')).toBe(
      'abcdefghij … [5 characters hidden]\nabcdefghij … [3 characters hidden]\n0123456789\n',
    );
    // The hidden count of the next cut line does not carry the earlier ones.
    expect(limiter.push('abcdefghijK\n')).toBe('abcdefghij … [1 characters hidden]\n');
  });

  it('mixes cut and uncut lines correctly in a text of many lines, however it is split', () => {
    const next = random(42);
    const lines = Array.from({ length: 2000 }, (_, i) => {
      const length = Math.floor(next() * 30);
      return `${i}:`.padEnd(length, String.fromCharCode(97 + (i % 26))).slice(0, Math.max(length, 0));
    });
    const text = `${lines.join('\n')}\n`;
    const want = expected(text, 12);
    expect(want).toContain('characters hidden');
    expect(want.split('\n').some((line) => line.length > 0 && line.length <= 12)).toBe(true);

    // Whole.
    expect(createLongLineLimiter(12).push(text)).toBe(want);
    // In random pieces, some spanning several lines, some splitting one.
    const limiter = createLongLineLimiter(12);
    let shown = '';
    for (let start = 0; start < text.length; ) {
      const size = Math.floor(next() * 60);
      shown += limiter.push(text.slice(start, start + size));
      start += size;
    }
    shown += limiter.end();
    expect(shown).toBe(want);
  });

  // How fast is the bench's figure (long_line_ms: Run to the line after a 10 MB line, in the page).
  it('cuts a 10 MB single line to about 10,000 characters plus the marker', () => {
    const limiter = createLongLineLimiter(10_000);
    const huge = 'x'.repeat(10_000_000);
    const shown = limiter.push(huge);
    expect(shown).toBe('x'.repeat(10_000));
    const closing = limiter.end();
    expect(closing).toBe(' … [9,990,000 characters hidden]');
    expect((shown + closing).length).toBeLessThan(10_100);
  });

  it('cuts a 10 MB line arriving in 1 MB pieces, then ended by a newline', () => {
    const limiter = createLongLineLimiter(10_000);
    const piece = 'y'.repeat(1_000_000);
    let shown = '';
    for (let i = 0; i < 10; i++) shown += limiter.push(piece);
    shown += limiter.push('\nafter\n');
    expect(shown).toBe(`${'y'.repeat(10_000)} … [9,990,000 characters hidden]\nafter\n`);
    expect(limiter.end()).toBe('');
  });
});
