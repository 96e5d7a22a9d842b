// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Output } from '../../../src/kernel/protocol.ts';
import { renderOutput } from '../../../src/output/render.ts';
import { outputText } from '../../../src/output/text.ts';

const XSS = '<img src=x onerror=alert(1)>';

const outputs: [string, Output, string][] = [
  ['stdout', { output_type: 'stream', name: 'stdout', text: 'hello\nworld\n' }, 'output-stdout'],
  ['stderr', { output_type: 'stream', name: 'stderr', text: 'careful\n' }, 'output-stderr'],
  ['execute_result', { output_type: 'execute_result', execution_count: 1, data: { 'text/plain': '42' } }, 'output-result'],
  ['display_data', { output_type: 'display_data', data: { 'text/plain': 'shown' } }, 'output-display'],
  [
    'error',
    { output_type: 'error', ename: 'ValueError', evalue: 'bad', traceback: ['Traceback:\n', 'ValueError: bad\n'] },
    'output-error',
  ],
];

describe('renderOutput', () => {
  it.each(outputs)('renders %s as an element whose text is outputText', (_, output, className) => {
    const element = renderOutput(output);
    expect(element).toBeInstanceOf(HTMLElement);
    expect(element.textContent).toBe(outputText(output));
    expect(element.className).toBe(className);
  });

  it('keeps stderr visually distinct from stdout', () => {
    const out = renderOutput({ output_type: 'stream', name: 'stdout', text: 'x' });
    const err = renderOutput({ output_type: 'stream', name: 'stderr', text: 'x' });
    expect(out.className).not.toBe(err.className);
  });

  it('adds the missing newline after a result, so the next output starts on its own line', () => {
    const element = renderOutput({ output_type: 'execute_result', execution_count: 3, data: { 'text/plain': "'a'" } });
    expect(element.textContent).toBe("'a'\n");
  });

  it('puts HTML from a cell in an iframe sandboxed with no permissions, never in the page', () => {
    const element = renderOutput({
      output_type: 'display_data',
      data: { 'text/plain': 'plain', 'text/html': `<b>bold</b>${XSS}` },
    });
    const frame = element.querySelector('iframe');
    expect(frame?.getAttribute('sandbox')).toBe('');
    expect(frame?.getAttribute('srcdoc')).toContain('<b>bold</b>');
    expect(element.querySelector('b, img, script')).toBeNull();
  });

  it('shows the text/plain of display data that has no rich type', () => {
    const element = renderOutput({ output_type: 'display_data', data: { 'text/plain': 'plain' } });
    expect(element.textContent).toBe('plain\n');
    expect(element.children).toHaveLength(0);
  });

  const hostile: [string, Output][] = [
    ['stdout', { output_type: 'stream', name: 'stdout', text: XSS }],
    ['stderr', { output_type: 'stream', name: 'stderr', text: `<script>alert(1)</script>${XSS}` }],
    ['execute_result', { output_type: 'execute_result', execution_count: 1, data: { 'text/plain': XSS } }],
    ['display_data', { output_type: 'display_data', data: { 'text/plain': XSS } }],
    ['error', { output_type: 'error', ename: 'E', evalue: XSS, traceback: [`E: ${XSS}\n`] }],
  ];

  it.each(hostile)('keeps HTML-looking %s text as text, creating no element', (_, output) => {
    const host = document.createElement('pre');
    host.append(renderOutput(output));
    expect(host.querySelector('img, script')).toBeNull();
    expect(host.firstElementChild?.children).toHaveLength(0);
    expect(host.textContent).toBe(outputText(output));
    expect(host.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders a stream as a single text node, so later chunks can be appended to it', () => {
    const element = renderOutput({ output_type: 'stream', name: 'stdout', text: 'chunk' });
    expect(element.childNodes).toHaveLength(1);
    expect(element.firstChild).toBeInstanceOf(Text);
  });

  it('returns a new element each time', () => {
    const output: Output = { output_type: 'stream', name: 'stdout', text: 'x' };
    expect(renderOutput(output)).not.toBe(renderOutput(output));
  });

  it('refuses an output kind it does not know', () => {
    const unknown = { output_type: 'clear_output', wait: true } as unknown as Output;
    expect(() => renderOutput(unknown)).toThrow(/Unexpected output/);
  });
});
