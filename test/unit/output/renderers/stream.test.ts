// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderStream } from '../../../../src/output/renderers/stream.ts';

describe('renderStream', () => {
  it('renders stdout as a span of plain text', () => {
    const span = renderStream({ output_type: 'stream', name: 'stdout', text: 'a\n  b\n' });
    expect(span.tagName).toBe('SPAN');
    expect(span.className).toBe('output-stdout');
    expect(span.textContent).toBe('a\n  b\n');
  });

  it('renders stderr with its own class', () => {
    expect(renderStream({ output_type: 'stream', name: 'stderr', text: 'x' }).className).toBe('output-stderr');
  });

  it('never parses printed text as HTML', () => {
    const span = renderStream({ output_type: 'stream', name: 'stdout', text: '<b>not bold</b><img src=x onerror=alert(1)>' });
    expect(span.children).toHaveLength(0);
    expect(span.textContent).toBe('<b>not bold</b><img src=x onerror=alert(1)>');
  });

  it('keeps an empty chunk as an (empty) text node', () => {
    const span = renderStream({ output_type: 'stream', name: 'stdout', text: '' });
    expect(span.firstChild).toBeInstanceOf(Text);
    expect(span.textContent).toBe('');
  });
});
