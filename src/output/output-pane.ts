import type { Output } from '../kernel/protocol.ts';
import { createLongLineLimiter } from './long-lines.ts';
import { renderOutput } from './render.ts';

/** What the pane keeps of a flood: the first and the last lines, about 10,000 and 1 MB in all. */
export const OUTPUT_LIMITS = {
  headLines: 5_000,
  tailLines: 5_000,
  headChars: 500_000,
  tailChars: 500_000,
  /** Lines per block of text: the browser lays out a small block, not the whole output, per frame. */
  chunkLines: 200,
};

interface Chunk {
  element: HTMLElement;
  text: Text;
  lines: number;
  chars: number;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * The live output of one cell. Outputs may arrive thousands of times a second: the pane draws at
 * most once per frame, writes streams into blocks of a few hundred lines (so a frame lays out one
 * small block), and past the limits keeps the head and the tail with "N lines hidden" between.
 */
export function createOutputPane(log: HTMLElement, limits = OUTPUT_LIMITS) {
  let pre = log.querySelector('pre') ?? log.appendChild(document.createElement('pre'));
  let queued: Output[] = [];
  let frame = 0;
  let stream: { name: string; chunk: Chunk } | undefined;
  let limiter = createLongLineLimiter();
  let head = { lines: 0, chars: 0 };
  const tail: Chunk[] = [];
  let tailSize = { lines: 0, chars: 0 };
  /** "N lines hidden" markers, one per gap, with the count each stands for. */
  const markers = new Map<HTMLElement, number>();

  const inTail = () => head.lines >= limits.headLines || head.chars >= limits.headChars;

  function newChunk(name: string): Chunk {
    const element = document.createElement('span');
    element.className = `output-${name} output-chunk`;
    const text = document.createTextNode('');
    element.append(text);
    pre.append(element);
    const chunk = { element, text, lines: 0, chars: 0 };
    if (inTail()) tail.push(chunk);
    return chunk;
  }

  function count(chunk: Chunk, text: string): void {
    const lines = countLines(text);
    chunk.lines += lines;
    chunk.chars += text.length;
    const size = tail.includes(chunk) ? tailSize : head;
    size.lines += lines;
    size.chars += text.length;
  }

  /** Drops the oldest tail blocks past the limits; each gap they leave says how many lines it hides. */
  function trimTail(): void {
    while (tail.length > 1 && (tailSize.lines > limits.tailLines || tailSize.chars > limits.tailChars)) {
      const oldest = tail.shift()!;
      const before = oldest.element.previousElementSibling;
      let marker = before instanceof HTMLElement && markers.has(before) ? before : undefined;
      if (!marker) {
        marker = document.createElement('span');
        marker.className = 'output-hidden';
        oldest.element.before(marker);
        markers.set(marker, 0);
      }
      const hiddenHere = markers.get(marker)! + oldest.lines;
      markers.set(marker, hiddenHere);
      marker.textContent = `… ${hiddenHere.toLocaleString('en')} lines hidden (the first and the last are shown) …\n`;
      oldest.element.remove();
      tailSize = { lines: tailSize.lines - oldest.lines, chars: tailSize.chars - oldest.chars };
    }
  }

  /** Index just past the `n`-th newline of `text`, or -1 if it has fewer. */
  function afterNewline(text: string, n: number): number {
    let index = -1;
    for (let i = 0; i < n; i++) {
      index = text.indexOf('\n', index + 1);
      if (index < 0) return -1;
    }
    return index + 1;
  }

  function writeStream(name: string, raw: string): void {
    let text = limiter.push(raw);
    while (text !== '') {
      let chunk = stream?.name === name ? stream.chunk : undefined;
      // A full block is closed at a line end; the next text starts a new one.
      if (!chunk || chunk.lines >= limits.chunkLines) chunk = newChunk(name);
      const cut = afterNewline(text, limits.chunkLines - chunk.lines);
      const piece = cut < 0 ? text : text.slice(0, cut);
      text = cut < 0 ? '' : text.slice(cut);
      chunk.text.appendData(piece);
      count(chunk, piece);
      // Its size while skipped offscreen; a guess from the line count keeps the scrollbar honest.
      chunk.element.style.containIntrinsicSize = `auto ${Math.max(1, chunk.lines) * 20}px`;
      stream = { name, chunk };
    }
  }

  function flush(): void {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    const outputs = queued;
    queued = [];
    for (const output of outputs) {
      if (output.output_type === 'stream') {
        writeStream(output.name, output.text);
        continue;
      }
      const cut = limiter.end();
      if (cut && stream) stream.chunk.text.appendData(cut);
      stream = undefined;
      pre.append(renderOutput(output));
    }
    trimTail();
  }

  return {
    /** Empties the pane, dropping the stored output too, as a new run begins. */
    clear(): void {
      queued = [];
      stream = undefined;
      limiter = createLongLineLimiter();
      head = { lines: 0, chars: 0 };
      tail.length = 0;
      tailSize = { lines: 0, chars: 0 };
      markers.clear();
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
    /** Ends the run: a line cut short at the very end still says how much was hidden. */
    finish(): void {
      flush();
      const cut = limiter.end();
      if (cut && stream) stream.chunk.text.appendData(cut);
    },
  };
}

export type OutputPane = ReturnType<typeof createOutputPane>;
