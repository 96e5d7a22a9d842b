// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sandboxedFrame } from '../../../../src/output/renderers/sandboxed-frame.ts';

describe('sandboxedFrame', () => {
  it('holds the document in an iframe with no permissions and no referrer, titled for assistive technology', () => {
    const element = sandboxedFrame('<b>x</b>', '<HTML output>');
    expect(element.className).toBe('output-display');
    const frame = element.querySelector('iframe')!;
    expect(frame.className).toBe('output-display-frame');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(frame.title).toBe('<HTML output>');
    expect(frame.getAttribute('srcdoc')).toBe('<b>x</b>');
    expect(element.querySelector('b')).toBeNull();
  });
});
