import type { Output } from '../kernel/protocol.ts';
import { renderOutput } from './render.ts';

/**
 * The live output of one cell. Outputs may arrive thousands of times a second; the pane draws at
 * most once per frame and appends to the last stream's text node instead of adding elements.
 */
export function createOutputPane(log: HTMLElement) {
  let pre = log.querySelector('pre') ?? document.createElement('pre');
  let queued: Output[] = [];
  let frame = 0;
  let lastStream: { name: string; node: Text } | undefined;

  function flush(): void {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    for (const output of queued) {
      if (output.output_type === 'stream' && lastStream?.name === output.name) {
        lastStream.node.appendData(output.text);
        continue;
      }
      const element = renderOutput(output);
      pre.append(element);
      const text = element.firstChild;
      lastStream = output.output_type === 'stream' && text instanceof Text ? { name: output.name, node: text } : undefined;
    }
    queued = [];
  }

  return {
    /** Empties the pane, dropping the stored output too, as a new run begins. */
    clear(): void {
      queued = [];
      lastStream = undefined;
      pre = document.createElement('pre');
      pre.className = 'output-text';
      log.replaceChildren(pre);
    },
    append(output: Output): void {
      queued.push(output);
      if (!frame) frame = requestAnimationFrame(flush);
    },
    /** Draws what is queued now, so a finished run is complete on screen before the cell says so. */
    flush,
  };
}

export type OutputPane = ReturnType<typeof createOutputPane>;
