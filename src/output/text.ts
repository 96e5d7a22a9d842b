import { assertNever } from '../lib/assert-never.ts';
import type { Output } from '../kernel/protocol.ts';

/** The text a reader sees for one output; the stored output of a cell is the concatenation. */
export function outputText(output: Output): string {
  switch (output.output_type) {
    case 'stream':
      return output.text;
    case 'execute_result':
    case 'display_data':
      return withNewline(output.data['text/plain']);
    case 'error':
      return output.traceback.join('');
    default:
      return assertNever(output, 'output');
  }
}

export function outputsText(outputs: readonly Output[]): string {
  return outputs.map(outputText).join('');
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Stored and fresh outputs are equal when they differ only in trailing whitespace per line and at the end. */
export function normalizeOutputText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}
