import type { Output } from '../../kernel/protocol.ts';
import { fillTerminalText } from '../styled-nodes.ts';
import { outputText } from '../text.ts';

type ErrorOutput = Extract<Output, { output_type: 'error' }>;

export function renderError(output: ErrorOutput): HTMLElement {
  const span = document.createElement('span');
  span.className = 'output-error';
  fillTerminalText(span, outputText(output));
  return span;
}
