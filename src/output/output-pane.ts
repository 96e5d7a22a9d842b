import type { Output } from '../kernel/protocol.ts';
import { createAnsiReader, type TextStyle } from './ansi-styles.ts';
import { createLongLineLimiter, MAX_LINE_CHARS } from './long-lines.ts';
import { renderOutput } from './render.ts';
import { appendStyled, removeLastCharacters } from './styled-nodes.ts';
import { createTerminalLine } from './terminal-line.ts';

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
 * Streams look as in a terminal: ANSI colours and bold, and a last line that `\r` and `\b`
 * rewrite, even from a later message; lines that have ended are drawn once and never touched.
 */
export function createOutputPane(log: HTMLElement, limits = OUTPUT_LIMITS) {
  let pre = log.querySelector('pre') ?? log.appendChild(document.createElement('pre'));
  let queued: Output[] = [];
  let frame = 0;
  /** The block the stream being written goes into. */
  let stream: { name: string; chunk: Chunk } | undefined;
  /** The stream whose last line is still open to `\r` and `\b`, and that line. */
  let open: string | undefined;
  let line = createTerminalLine(MAX_LINE_CHARS);
  /** Colour state per stream: a colour set on stdout stays on for stdout's next message. */
  let readers = new Map<string, ReturnType<typeof createAnsiReader>>();
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
    element.append(document.createTextNode(''));
    pre.append(element);
    const chunk = { element, lines: 0, chars: 0 };
    if (inTail()) tail.push(chunk);
    return chunk;
  }

  function count(chunk: Chunk, lines: number, chars: number): void {
    chunk.lines += lines;
    chunk.chars += chars;
    const size = tail.includes(chunk) ? tailSize : head;
    size.lines += lines;
    size.chars += chars;
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

  function writeText(name: string, text: string, style: TextStyle | undefined): void {
    while (text !== '') {
      let chunk = stream?.name === name ? stream.chunk : undefined;
      // A full block is closed at a line end; the next text starts a new one.
      if (!chunk || chunk.lines >= limits.chunkLines) chunk = newChunk(name);
      const cut = afterNewline(text, limits.chunkLines - chunk.lines);
      const piece = cut < 0 ? text : text.slice(0, cut);
      text = cut < 0 ? '' : text.slice(cut);
      appendStyled(chunk.element, piece, style);
      count(chunk, countLines(piece), piece.length);
      // Its size while skipped offscreen; a guess from the line count keeps the scrollbar honest.
      chunk.element.style.containIntrinsicSize = `auto ${Math.max(1, chunk.lines) * 20}px`;
      stream = { name, chunk };
    }
  }

  function writeStream(name: string, text: string): void {
    if (open !== name) closeLine();
    open = name;
    let reader = readers.get(name);
    if (!reader) readers.set(name, (reader = createAnsiReader()));
    for (const piece of reader.push(text)) line.write(piece);
  }

  /** Brings the open line and the lines ended since the last frame onto the screen. */
  function drawLine(): void {
    if (open === undefined) return;
    const { erase, finished, open: rest } = line.take();
    // What the open line showed is redrawn from its first changed column; it is always the end of
    // the current block, as nothing else is written after it.
    if (erase > 0 && stream) {
      removeLastCharacters(stream.chunk.element, erase);
      count(stream.chunk, 0, -erase);
    }
    for (const piece of finished) {
      if ('hidden' in piece) limiter.hide(piece.hidden);
      else writeText(open, limiter.push(piece.text), piece.style);
    }
    for (const piece of rest) writeText(open, piece.text, piece.style);
  }

  /** Ends the open line for good (another output follows it), saying what a cut line hid. */
  function closeLine(): void {
    drawLine();
    limiter.hide(line.hidden);
    const cut = limiter.end();
    if (cut && stream) {
      appendStyled(stream.chunk.element, cut, undefined);
      count(stream.chunk, 0, cut.length);
    }
    line.close();
    open = undefined;
    stream = undefined;
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
      closeLine();
      pre.append(renderOutput(output));
    }
    drawLine();
    trimTail();
  }

  return {
    /** Empties the pane, dropping the stored output too, as a new run begins. */
    clear(): void {
      queued = [];
      stream = undefined;
      open = undefined;
      line = createTerminalLine(MAX_LINE_CHARS);
      readers = new Map();
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
    /**
     * Ends the run: a line cut short at the very end still says how much was hidden. Any other
     * last line stays open, so a timer the cell left behind can still rewrite its progress line.
     */
    finish(): void {
      flush();
      if (line.hidden > 0) closeLine();
    },
  };
}

export type OutputPane = ReturnType<typeof createOutputPane>;
