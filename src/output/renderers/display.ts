import type { Output } from '../../kernel/protocol.ts';
import { renderResult } from './result.ts';

type Display = Extract<Output, { output_type: 'display_data' }>;

/** Markup a cell produced; it may come from anyone (a shared link), so it never runs in the page. */
const RICH_TYPES = ['text/html', 'image/svg+xml'] as const;

/**
 * HTML and SVG render in an iframe sandboxed with no permissions at all: no scripts, no forms, and
 * an opaque origin that cannot reach the page, its storage or its kernel.
 */
export function renderDisplay(output: Display): HTMLElement {
  const type = RICH_TYPES.find((mime) => output.data[mime] !== undefined);
  if (!type) return renderResult(output);
  const frame = document.createElement('iframe');
  frame.className = 'output-display-frame';
  frame.setAttribute('sandbox', '');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.title = output.data['text/plain'];
  frame.srcdoc = output.data[type]!;
  const wrapper = document.createElement('span');
  wrapper.className = 'output-display';
  wrapper.append(frame);
  return wrapper;
}
