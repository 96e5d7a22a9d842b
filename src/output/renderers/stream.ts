import type { Output } from '../../kernel/protocol.ts';

type Stream = Extract<Output, { output_type: 'stream' }>;

/** stdout and stderr stay plain text nodes: nothing a cell prints is ever parsed as HTML. */
export function renderStream(output: Stream): HTMLElement {
  const span = document.createElement('span');
  span.className = `output-${output.name}`;
  span.append(document.createTextNode(output.text));
  return span;
}
