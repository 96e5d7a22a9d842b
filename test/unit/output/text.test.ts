import { describe, expect, it } from 'vitest';
import type { Output } from '../../../src/kernel/protocol.ts';
import { normalizeOutputText, outputsText, outputText } from '../../../src/output/text.ts';

describe('outputText', () => {
  it('is the text of a stream, unchanged', () => {
    expect(outputText({ output_type: 'stream', name: 'stdout', text: 'no newline' })).toBe('no newline');
    expect(outputText({ output_type: 'stream', name: 'stderr', text: 'warn\n\n' })).toBe('warn\n\n');
    expect(outputText({ output_type: 'stream', name: 'stdout', text: '' })).toBe('');
  });

  it('is the text/plain of an execute_result, ending in one newline', () => {
    expect(outputText({ output_type: 'execute_result', execution_count: 1, data: { 'text/plain': '42' } })).toBe('42\n');
    expect(outputText({ output_type: 'execute_result', execution_count: 1, data: { 'text/plain': '42\n' } })).toBe('42\n');
    expect(outputText({ output_type: 'execute_result', execution_count: 1, data: { 'text/plain': '[1,\n 2]' } })).toBe(
      '[1,\n 2]\n',
    );
  });

  it('shows text/plain only, never another MIME type', () => {
    expect(
      outputText({
        output_type: 'execute_result',
        execution_count: 1,
        data: { 'text/plain': '<Table>', 'text/html': '<table></table>' },
      }),
    ).toBe('<Table>\n');
  });

  it('is the text/plain of display_data, ending in a newline', () => {
    expect(outputText({ output_type: 'display_data', data: { 'text/plain': 'shown' } })).toBe('shown\n');
    expect(outputText({ output_type: 'display_data', data: { 'text/plain': 'shown\n' } })).toBe('shown\n');
  });

  it('is the traceback lines of an error, joined as they are', () => {
    const output: Output = {
      output_type: 'error',
      ename: 'ZeroDivisionError',
      evalue: 'division by zero',
      traceback: ['Traceback (most recent call last):\n', '  File "Cell 1", line 1, in <module>\n', 'ZeroDivisionError: division by zero\n'],
    };
    expect(outputText(output)).toBe(
      'Traceback (most recent call last):\n  File "Cell 1", line 1, in <module>\nZeroDivisionError: division by zero\n',
    );
    expect(outputText({ output_type: 'error', ename: 'E', evalue: '', traceback: [] })).toBe('');
  });
});

describe('outputsText', () => {
  it('concatenates outputs in order, as a stored output is written', () => {
    const outputs: Output[] = [
      { output_type: 'stream', name: 'stdout', text: 'a' },
      { output_type: 'stream', name: 'stdout', text: 'b\n' },
      { output_type: 'stream', name: 'stderr', text: 'warning\n' },
      { output_type: 'execute_result', execution_count: 2, data: { 'text/plain': "'done'" } },
    ];
    expect(outputsText(outputs)).toBe("ab\nwarning\n'done'\n");
    expect(outputsText([])).toBe('');
  });
});

describe('normalizeOutputText', () => {
  it('ignores trailing spaces and tabs on each line', () => {
    expect(normalizeOutputText('a  \nb\t\nc')).toBe('a\nb\nc');
    expect(normalizeOutputText('a  \nb\t\nc')).toBe(normalizeOutputText('a\nb\nc'));
  });

  it('ignores trailing blank lines and whitespace at the end', () => {
    expect(normalizeOutputText('a\nb\n\n  \n')).toBe('a\nb');
    expect(normalizeOutputText('x\n')).toBe(normalizeOutputText('x'));
  });

  it('ignores Windows line endings', () => {
    expect(normalizeOutputText('a\r\nb\r\n')).toBe('a\nb');
  });

  it('keeps leading indentation, inner blank lines and spaces inside a line', () => {
    expect(normalizeOutputText('  indented\n\n\nx  y')).toBe('  indented\n\n\nx  y');
    expect(normalizeOutputText('a\nb')).not.toBe(normalizeOutputText('a\n\nb'));
    expect(normalizeOutputText(' a')).not.toBe(normalizeOutputText('a'));
  });

  it('tells different outputs apart', () => {
    expect(normalizeOutputText('ping\npong\n')).not.toBe(normalizeOutputText('pong\nping\n'));
  });

  it('is idempotent', () => {
    const text = ' a \n\tb\t\n\n';
    expect(normalizeOutputText(normalizeOutputText(text))).toBe(normalizeOutputText(text));
  });
});
