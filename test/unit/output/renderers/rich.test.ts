// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { MimeBundle } from '../../../../src/kernel/protocol.ts';
import type { MimeTable, RichOutput, SafeRenderer, UnsafeRenderer } from '../../../../src/output/renderers/mime-renderer.ts';
import { MIME_RENDERERS } from '../../../../src/output/renderers/mime-table.ts';
import { pickRenderer, renderRich } from '../../../../src/output/renderers/rich.ts';

const display = (data: MimeBundle): RichOutput => ({ output_type: 'display_data', data });

function safe(mimeTypes: string[]): SafeRenderer {
  return {
    mimeTypes,
    safe: true,
    render: (data) => {
      const element = document.createElement('span');
      element.className = 'test-safe';
      element.textContent = data;
      return element;
    },
  };
}

function unsafe(mimeTypes: string[]): UnsafeRenderer {
  return { mimeTypes, safe: false, render: (data) => `<p>${data}</p><script>parent.hacked = true</script>` };
}

describe('pickRenderer', () => {
  it('takes the richest type in the order of the table, not of the bundle', () => {
    const bundle: MimeBundle = { 'text/plain': 'p', 'image/svg+xml': '<svg/>', 'text/html': '<b>h</b>' };
    expect(pickRenderer(bundle, MIME_RENDERERS).mime).toBe('text/html');
    const svgFirst: MimeTable = { renderers: [unsafe(['image/svg+xml']), unsafe(['text/html'])], fallback: MIME_RENDERERS.fallback };
    expect(pickRenderer(bundle, svgFirst)).toMatchObject({ renderer: svgFirst.renderers[0], mime: 'image/svg+xml', data: '<svg/>' });
  });

  it("ranks an entry's own types in its order", () => {
    expect(pickRenderer({ 'text/plain': 'p', 'image/svg+xml': '<svg/>' }, MIME_RENDERERS).mime).toBe('image/svg+xml');
    const entry = unsafe(['image/svg+xml', 'text/html']);
    const table: MimeTable = { renderers: [entry], fallback: MIME_RENDERERS.fallback };
    expect(pickRenderer({ 'text/plain': 'p', 'text/html': 'h', 'image/svg+xml': 's' }, table).mime).toBe('image/svg+xml');
  });

  it('falls back to text/plain for a type the table does not have', () => {
    const choice = pickRenderer({ 'text/plain': 'a figure', 'application/x-unknown': '???' }, MIME_RENDERERS);
    expect(choice).toEqual({ renderer: MIME_RENDERERS.fallback, mime: 'text/plain', data: 'a figure' });
  });
});

describe('the MIME table', () => {
  it('declares the markup types unsafe, and its fallback safe', () => {
    const markup = MIME_RENDERERS.renderers.filter((entry) => entry.mimeTypes.some((type) => ['text/html', 'image/svg+xml'].includes(type)));
    expect(markup.length).toBeGreaterThan(0);
    for (const entry of markup) expect(entry.safe).toBe(false);
    expect(MIME_RENDERERS.fallback.safe).toBe(true);
  });
});

describe('renderRich', () => {
  it('puts what an unsafe renderer returns only in a frame sandboxed with no permissions', () => {
    const table: MimeTable = { renderers: [unsafe(['text/x-test'])], fallback: safe(['text/plain']) };
    const element = renderRich(display({ 'text/plain': 'title', 'text/x-test': 'doc' }), table);
    const frame = element.querySelector('iframe');
    expect(frame?.getAttribute('sandbox')).toBe('');
    expect(frame?.getAttribute('srcdoc')).toBe('<p>doc</p><script>parent.hacked = true</script>');
    expect(frame?.title).toBe('title');
    expect(element.querySelector('p, script')).toBeNull();
  });

  it('puts what a safe renderer returns in the page as it is', () => {
    const table: MimeTable = { renderers: [safe(['text/x-test'])], fallback: safe(['text/plain']) };
    const element = renderRich(display({ 'text/plain': 'plain', 'text/x-test': 'rich' }), table);
    expect(element.className).toBe('test-safe');
    expect(element.textContent).toBe('rich');
    expect(element.querySelector('iframe')).toBeNull();
  });

  it('renders an unknown type through the declared fallback', () => {
    const fallback = safe(['text/plain']);
    const render = vi.spyOn(fallback, 'render');
    const output = display({ 'text/plain': 'plain', 'application/x-unknown': 'x' });
    const element = renderRich(output, { renderers: [unsafe(['text/html'])], fallback });
    expect(render).toHaveBeenCalledWith('plain', output);
    expect(element.textContent).toBe('plain');
  });

  it('shows an unknown type by its text/plain with the default table, as Jupyter does', () => {
    const element = renderRich(display({ 'text/plain': '<Figure size 640x480>', 'image/png': 'iVBORw0KGgo=' }));
    expect(element.className).toBe('output-display');
    expect(element.textContent).toBe('<Figure size 640x480>\n');
    expect(element.children).toHaveLength(0);
  });

  it('chooses for a result as for a display', () => {
    const result: RichOutput = { output_type: 'execute_result', execution_count: 2, data: { 'text/plain': 'p', 'image/svg+xml': '<svg/>' } };
    expect(renderRich(result).querySelector('iframe')?.getAttribute('srcdoc')).toBe('<svg/>');
    const plain = renderRich({ ...result, data: { 'text/plain': 'p' } });
    expect(plain.className).toBe('output-result');
    expect(plain.textContent).toBe('p\n');
  });
});
