import { assertNever } from '../lib/assert-never.ts';
import type { Output } from '../kernel/protocol.ts';
import { renderDisplay } from './renderers/display.ts';
import { renderError } from './renderers/error.ts';
import { renderResult } from './renderers/result.ts';
import { renderStream } from './renderers/stream.ts';

export function renderOutput(output: Output): HTMLElement {
  switch (output.output_type) {
    case 'stream':
      return renderStream(output);
    case 'execute_result':
      return renderResult(output);
    case 'display_data':
      return renderDisplay(output);
    case 'error':
      return renderError(output);
    default:
      return assertNever(output, 'output');
  }
}
