import { fillTerminalText } from '../styled-nodes.ts';
import { outputText } from '../text.ts';
import type { RichOutput } from './mime-renderer.ts';

/** The value of a cell's last expression (or a displayed object), shown as its text/plain repr. */
export function renderResult(output: RichOutput): HTMLElement {
  const span = document.createElement('span');
  span.className = output.output_type === 'execute_result' ? 'output-result' : 'output-display';
  fillTerminalText(span, outputText(output));
  return span;
}
