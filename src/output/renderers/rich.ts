import type { MimeBundle } from '../../kernel/protocol.ts';
import type { MimeRenderer, MimeTable, RichOutput } from './mime-renderer.ts';
import { MIME_RENDERERS } from './mime-table.ts';
import { sandboxedFrame } from './sandboxed-frame.ts';

export interface RendererChoice {
  renderer: MimeRenderer;
  mime: string;
  data: string;
}

/** The table's first entry, in its order and then in the entry's own, that has a type the bundle holds. */
export function pickRenderer(bundle: MimeBundle, table: MimeTable): RendererChoice {
  for (const renderer of table.renderers) {
    for (const mime of renderer.mimeTypes) {
      const data = bundle[mime];
      if (data !== undefined) return { renderer, mime, data };
    }
  }
  return { renderer: table.fallback, mime: 'text/plain', data: bundle['text/plain'] };
}

/**
 * A display or a result as its richest type. The safe flag is enforced here, not left to each
 * renderer: what an unsafe one returns can only become the document of a sandboxed frame.
 */
export function renderRich(output: RichOutput, table: MimeTable = MIME_RENDERERS): HTMLElement {
  const { renderer, data } = pickRenderer(output.data, table);
  if (renderer.safe) return renderer.render(data, output);
  return sandboxedFrame(renderer.render(data, output), output.data['text/plain']);
}
