import type { Output } from '../../kernel/protocol.ts';
import { outputText } from '../text.ts';

type ErrorOutput = Extract<Output, { output_type: 'error' }>;

export function renderError(output: ErrorOutput): HTMLElement {
  const span = document.createElement('span');
  span.className = 'output-error';
  span.textContent = outputText(output);
  return span;
}
