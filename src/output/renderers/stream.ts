import type { Output } from '../../kernel/protocol.ts';
import { fillTerminalText } from '../styled-nodes.ts';

type Stream = Extract<Output, { output_type: 'stream' }>;

/**
 * A whole stream output as a terminal shows it (colours, `\r`, `\b`), made of text nodes and
 * spans: nothing a cell prints is ever parsed as HTML. The output pane draws live streams itself.
 */
export function renderStream(output: Stream): HTMLElement {
  const span = document.createElement('span');
  span.className = `output-${output.name}`;
  fillTerminalText(span, output.text);
  return span;
}
