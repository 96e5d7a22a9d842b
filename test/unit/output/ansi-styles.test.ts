import { describe, expect, it } from 'vitest';
import { createAnsiReader, type StyledText } from '../../../src/output/ansi-styles.ts';

/** Each piece as [text, class names or '' for plain, inline colour]. */
const view = (pieces: StyledText[]) =>
  pieces.map(({ text, style }) => [text, style?.className ?? '', style?.color ?? style?.background ?? '']);

describe('createAnsiReader', () => {
  it('passes text without escape sequences through as one plain piece', () => {
    expect(view(createAnsiReader().push('plain <b>text</b>\n'))).toEqual([['plain <b>text</b>\n', '', '']]);
    expect(createAnsiReader().push('')).toEqual([]);
  });

  it('turns bold red into classes and drops the sequences from the text', () => {
    const pieces = createAnsiReader().push('\x1b[1;31mError\x1b[0m: bad\n');
    expect(view(pieces)).toEqual([
      ['Error', 'ansi ansi-red-fg ansi-bold', ''],
      [': bad\n', '', ''],
    ]);
    expect(pieces.map((piece) => piece.text).join('')).not.toContain('[');
  });

  it('bright colours, backgrounds, italic and underline have their own classes', () => {
    expect(view(createAnsiReader().push('\x1b[92;44;3;4mx'))).toEqual([
      ['x', 'ansi ansi-bright-green-fg ansi-blue-bg ansi-italic ansi-underline', ''],
    ]);
  });

  it('256-colour and true-colour sequences become inline colours', () => {
    expect(view(createAnsiReader().push('\x1b[38;5;208ma\x1b[0m\x1b[38;2;10;20;30mb\x1b[48;5;240mc'))).toEqual([
      ['a', 'ansi', 'rgb(255, 135, 0)'],
      ['b', 'ansi', 'rgb(10, 20, 30)'],
      ['c', 'ansi', 'rgb(10, 20, 30)'],
    ]);
    const [c] = createAnsiReader().push('\x1b[48;5;240mc');
    expect(c?.style?.background).toBe('rgb(88, 88, 88)');
  });

  it('a colour set in one message stays on in the next, until reset', () => {
    const reader = createAnsiReader();
    expect(view(reader.push('\x1b[32mgreen'))).toEqual([['green', 'ansi ansi-green-fg', '']]);
    expect(view(reader.push(' still green\n'))).toEqual([[' still green\n', 'ansi ansi-green-fg', '']]);
    expect(view(reader.push('\x1b[0m'))).toEqual([]);
    expect(view(reader.push('plain'))).toEqual([['plain', '', '']]);
  });

  it.each([
    ['\x1b', '[31mred'],
    ['\x1b[', '31mred'],
    ['\x1b[3', '1mred'],
    ['\x1b[1;3', '1mred'],
  ])('a sequence split as %j + %j still colours the text', (first, second) => {
    const reader = createAnsiReader();
    expect(view(reader.push(`ok ${first}`))).toEqual([['ok ', '', '']]);
    const pieces = reader.push(second);
    expect(pieces.map((piece) => piece.text).join('')).toBe('red');
    expect(pieces.at(-1)?.style?.className).toContain('ansi-red-fg');
  });

  it('drops control sequences that are not colours (cursor moves, erase), keeping the colour', () => {
    const pieces = createAnsiReader().push('\x1b[31ma\x1b[2Kb\x1b[?25lc\x1b[0m');
    expect(pieces.map((piece) => piece.text).join('')).toBe('abc');
    for (const piece of pieces) expect(piece.style?.className).toContain('ansi-red-fg');
  });

  it('leaves \\r, \\b and \\n in the text for the terminal line to apply', () => {
    expect(view(createAnsiReader().push('\x1b[31m\r1\b2\n'))).toEqual([['\r1\b2\n', 'ansi ansi-red-fg', '']]);
  });

  it('reverse video swaps the colours', () => {
    expect(view(createAnsiReader().push('\x1b[7;31mx'))[0]?.[1]).toBe('ansi ansi-black-fg ansi-red-bg');
  });
});
