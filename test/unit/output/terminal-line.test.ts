import { describe, expect, it } from 'vitest';
import type { StyledText, TextStyle } from '../../../src/output/ansi-styles.ts';
import { createTerminalLine, type LineUpdate } from '../../../src/output/terminal-line.ts';

const red: TextStyle = { className: 'ansi ansi-red-fg', key: 'red' };
const plain = (text: string): StyledText => ({ text, style: undefined });

/** What a reader sees: the text of everything finished, then the open line. */
function screen() {
  const line = createTerminalLine(20);
  let shown = '';
  let hidden = 0;
  const apply = ({ erase, finished, open }: LineUpdate) => {
    shown = shown.slice(0, shown.length - erase);
    for (const piece of finished) {
      if ('hidden' in piece) hidden += piece.hidden;
      else shown += piece.text;
    }
    for (const piece of open) shown += piece.text;
  };
  return {
    line,
    write(...texts: string[]) {
      for (const text of texts) line.write(plain(text));
      apply(line.take());
      return shown;
    },
    get hidden() {
      return hidden;
    },
  };
}

describe('createTerminalLine', () => {
  it('shows only the last of progress lines each starting with \\r, written one per message', () => {
    const term = screen();
    for (let i = 1; i <= 5; i++) term.write(`\rprogress ${i}/5`);
    expect(term.write()).toBe('progress 5/5');
  });

  it('overwrites column by column, as a terminal does: a shorter text leaves the rest', () => {
    expect(screen().write('progress 10/10\rdone')).toBe('doneress 10/10');
  });

  it('a backspace steps back one column and the next character replaces it', () => {
    expect(screen().write('abc\bd')).toBe('abd');
    expect(screen().write('abc', '\b', 'd\n')).toBe('abd\n');
    // It stops at the start of the line, and never reaches into a finished line.
    expect(screen().write('ab\n\b\bx')).toBe('ab\nx');
  });

  it('\\r\\n ends the line and keeps it', () => {
    expect(screen().write('one\r\ntwo\r\n')).toBe('one\ntwo\n');
  });

  it('\\r in a later message rewrites the line an earlier message left open', () => {
    const term = screen();
    expect(term.write('loading')).toBe('loading');
    expect(term.write('\r')).toBe('loading');
    expect(term.write('ready  ')).toBe('ready  ');
    expect(term.write('\n')).toBe('ready  \n');
  });

  it('redraws the open line only from its first changed column', () => {
    const term = screen();
    term.write('12345');
    term.line.write(plain('\r123X5'));
    const update = term.line.take();
    expect(update.erase).toBe(5);
    // An append redraws nothing already shown.
    term.line.write(plain('Y'));
    expect(term.line.take()).toEqual({ erase: 0, finished: [], open: [plain('Y')] });
  });

  it('keeps each run its style, also where one overwrites another', () => {
    const line = createTerminalLine();
    line.write({ text: 'aaaa', style: red });
    line.write(plain('\rb'));
    expect(line.take().open).toEqual([plain('b'), { text: 'aaa', style: red }]);
    line.write({ text: 'bb', style: red });
    line.write(plain('\n'));
    // Runs of one style join again: the first b is plain, the rest red, the newline plain.
    expect(line.take().finished).toEqual([plain('b'), { text: 'bba', style: red }, plain('\n')]);
  });

  it('keeps at most maxColumns columns of a line, counting the rest as hidden', () => {
    const term = screen();
    expect(term.write('x'.repeat(15), 'y'.repeat(15))).toBe(`${'x'.repeat(15)}${'y'.repeat(5)}`);
    expect(term.line.hidden).toBe(10);
    expect(term.write('\n')).toBe(`${'x'.repeat(15)}${'y'.repeat(5)}\n`);
    expect(term.hidden).toBe(10);
    expect(term.line.hidden).toBe(0);
  });

  it('a progress line rewritten a million times stays one line of its width', () => {
    const line = createTerminalLine(50);
    for (let i = 0; i < 1_000_000; i += 1000) {
      line.write(plain(Array.from({ length: 1000 }, (_, k) => `\r${i + k}`).join('')));
    }
    const update = line.take();
    expect(update.finished).toEqual([]);
    expect(update.open.map((piece) => piece.text).join('')).toBe('999999');
    expect(line.hidden).toBe(0);
  });

  it('close() ends the open line: a later \\r starts from nothing', () => {
    const term = screen();
    term.write('abc');
    term.line.close();
    term.line.write(plain('\rx'));
    expect(term.line.take()).toEqual({ erase: 0, finished: [], open: [plain('x')] });
  });
});
