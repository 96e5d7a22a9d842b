// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderError } from '../../../../src/output/renderers/error.ts';

describe('renderError', () => {
  it('renders the whole traceback as text, marked as an error', () => {
    const span = renderError({
      output_type: 'error',
      ename: 'NameError',
      evalue: "name 'x' is not defined",
      traceback: ['Traceback (most recent call last):\n', '  File "Cell 2", line 1\n', "NameError: name 'x' is not defined\n"],
    });
    expect(span.className).toBe('output-error');
    expect(span.textContent).toBe(
      'Traceback (most recent call last):\n  File "Cell 2", line 1\nNameError: name \'x\' is not defined\n',
    );
  });

  it('keeps markup in an error message as text', () => {
    const span = renderError({
      output_type: 'error',
      ename: 'E',
      evalue: '<img src=x onerror=alert(1)>',
      traceback: ['E: <img src=x onerror=alert(1)>\n'],
    });
    expect(span.children).toHaveLength(0);
    expect(span.textContent).toBe('E: <img src=x onerror=alert(1)>\n');
  });
});
