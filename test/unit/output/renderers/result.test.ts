// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderResult } from '../../../../src/output/renderers/result.ts';

describe('renderResult', () => {
  it('renders an execute_result as its text/plain repr with a trailing newline', () => {
    const span = renderResult({ output_type: 'execute_result', execution_count: 4, data: { 'text/plain': "{'a': 1}" } });
    expect(span.className).toBe('output-result');
    expect(span.textContent).toBe("{'a': 1}\n");
  });

  it('renders display_data with its own class', () => {
    const span = renderResult({ output_type: 'display_data', data: { 'text/plain': 'x\n' } });
    expect(span.className).toBe('output-display');
    expect(span.textContent).toBe('x\n');
  });

  it('does not render text/html, even when present', () => {
    const span = renderResult({
      output_type: 'execute_result',
      execution_count: 1,
      data: { 'text/plain': '<img src=x onerror=alert(1)>', 'text/html': '<img src=x onerror=alert(1)>' },
    });
    expect(span.children).toHaveLength(0);
    expect(span.textContent).toBe('<img src=x onerror=alert(1)>\n');
  });
});
