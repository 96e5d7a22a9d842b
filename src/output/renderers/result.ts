import type { Output } from '../../kernel/protocol.ts';
import { fillTerminalText } from '../styled-nodes.ts';
import { outputText } from '../text.ts';

type Result = Extract<Output, { output_type: 'execute_result' | 'display_data' }>;

/** The value of a cell's last expression (or a displayed object), shown as its text/plain repr. */
export function renderResult(output: Result): HTMLElement {
  const span = document.createElement('span');
  span.className = output.output_type === 'execute_result' ? 'output-result' : 'output-display';
  fillTerminalText(span, outputText(output));
  return span;
}
