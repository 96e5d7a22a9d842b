import type { MimeTable } from './mime-renderer.ts';
import { renderResult } from './result.ts';

/**
 * What the page can show of a MIME bundle, richest first. HTML and SVG are the cell's own markup
 * (`notebook_display.html()` / `.svg()`), shown as they are but only ever inside the sandbox.
 */
export const MIME_RENDERERS: MimeTable = {
  renderers: [{ mimeTypes: ['text/html', 'image/svg+xml'], safe: false, render: (data) => data }],
  fallback: { mimeTypes: ['text/plain'], safe: true, render: (_, output) => renderResult(output) },
};
