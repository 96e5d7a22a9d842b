import { assertNever } from '../lib/assert-never.ts';
import type { Output } from '../kernel/protocol.ts';
import { renderError } from './renderers/error.ts';
import { renderRich } from './renderers/rich.ts';
import { renderStream } from './renderers/stream.ts';

export function renderOutput(output: Output): HTMLElement {
  switch (output.output_type) {
    case 'stream':
      return renderStream(output);
    case 'execute_result':
    case 'display_data':
      return renderRich(output);
    case 'error':
      return renderError(output);
    default:
      return assertNever(output, 'output');
  }
}
