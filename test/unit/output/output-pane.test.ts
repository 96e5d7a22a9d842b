// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Output } from '../../../src/kernel/protocol.ts';
import { createOutputPane } from '../../../src/output/output-pane.ts';
import { outputsText } from '../../../src/output/text.ts';

const stdout = (text: string): Output => ({ output_type: 'stream', name: 'stdout', text });
const stderr = (text: string): Output => ({ output_type: 'stream', name: 'stderr', text });
const result = (text: string): Output => ({ output_type: 'execute_result', execution_count: 1, data: { 'text/plain': text } });
const error = (line: string): Output => ({ output_type: 'error', ename: 'E', evalue: 'x', traceback: [line] });

/** Animation frames that run only when the test says so. */
function manualFrames() {
  let nextId = 1;
  const callbacks = new Map<number, FrameRequestCallback>();
  const request = vi.fn((callback: FrameRequestCallback) => {
    const id = nextId++;
    callbacks.set(id, callback);
    return id;
  });
  const cancel = vi.fn((id: number) => {
    callbacks.delete(id);
  });
  vi.stubGlobal('requestAnimationFrame', request);
  vi.stubGlobal('cancelAnimationFrame', cancel);
  return {
    request,
    cancel,
    get pending() {
      return callbacks.size;
    },
    /** Runs the callbacks requested so far, as the browser does on its next frame. */
    runFrame() {
      const due = [...callbacks.entries()];
      callbacks.clear();
      for (const [, callback] of due) callback(performance.now());
    },
  };
}

/** A cell's output log as the server renders it: a <pre> holding the stored output. */
function cellLog(stored = '') {
  const log = document.createElement('div');
  log.setAttribute('role', 'log');
  const pre = document.createElement('pre');
  pre.className = 'output-text';
  pre.textContent = stored;
  log.append(pre);
  document.body.append(log);
  return log;
}

/** A snapshot of what the reader sees, to compare before and after a frame. */
function snapshot(log: HTMLElement): string {
  return log.innerHTML;
}

let frames: ReturnType<typeof manualFrames>;
beforeEach(() => {
  frames = manualFrames();
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('createOutputPane', () => {
  it('shows appended outputs after flush(), in order, as their text', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    const outputs = [stdout('one\n'), stderr('two\n'), result('3'), error('E: x\n')];
    for (const output of outputs) pane.append(output);
    pane.flush();
    expect(log.textContent).toBe(outputsText(outputs));
    const pre = log.querySelector('pre')!;
    expect([...pre.children].map((child) => child.classList[0])).toEqual([
      'output-stdout',
      'output-stderr',
      'output-result',
      'output-error',
    ]);
  });

  it('draws nothing until a frame or a flush', () => {
    const log = cellLog('stored\n');
    const pane = createOutputPane(log);
    const before = snapshot(log);
    pane.append(stdout('a'));
    pane.append(stdout('b'));
    expect(snapshot(log)).toBe(before);
  });

  it('draws everything appended before a frame in that one frame', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    const before = snapshot(log);
    pane.append(stdout('1\n'));
    pane.append(stderr('2\n'));
    pane.append(stdout('3\n'));
    pane.append(result('4'));
    expect(frames.request).toHaveBeenCalledTimes(1);
    expect(snapshot(log)).toBe(before);
    frames.runFrame();
    expect(log.textContent).toBe('1\n2\n3\n4\n');
    expect(frames.pending).toBe(0);
  });

  it('asks for a new frame for outputs arriving after a frame was drawn', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    pane.append(stdout('a'));
    frames.runFrame();
    pane.append(stdout('b'));
    expect(frames.request).toHaveBeenCalledTimes(2);
    expect(log.textContent).toBe('a');
    frames.runFrame();
    expect(log.textContent).toBe('ab');
  });

  it('flush() cancels the frame it made redundant', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    pane.append(stdout('a'));
    pane.flush();
    expect(frames.cancel).toHaveBeenCalledWith(frames.request.mock.results[0]?.value);
    expect(frames.pending).toBe(0);
    expect(log.textContent).toBe('a');
    // A later frame (had it not been cancelled) must not draw twice.
    frames.runFrame();
    expect(log.textContent).toBe('a');
  });

  it('merges consecutive stdout chunks into one text node', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    for (let i = 0; i < 100; i += 1) pane.append(stdout(`${i} `));
    pane.flush();
    const pre = log.querySelector('pre')!;
    expect(pre.childNodes).toHaveLength(1);
    const span = pre.firstElementChild!;
    expect(span.childNodes).toHaveLength(1);
    expect(span.firstChild).toBeInstanceOf(Text);
    expect(span.textContent).toBe(Array.from({ length: 100 }, (_, i) => `${i} `).join(''));
  });

  it('keeps merging into the same text node across frames', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    pane.append(stdout('a'));
    frames.runFrame();
    const node = log.querySelector('pre')!.firstElementChild!.firstChild;
    pane.append(stdout('b'));
    frames.runFrame();
    pane.append(stdout('c'));
    pane.flush();
    expect(log.querySelector('pre')!.childNodes).toHaveLength(1);
    expect(log.querySelector('pre')!.firstElementChild!.firstChild).toBe(node);
    expect(node?.textContent).toBe('abc');
  });

  it('starts a new element when the stream changes, and does not merge across other outputs', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    const outputs = [stdout('o1'), stdout('o2'), stderr('e1'), stderr('e2'), stdout('o3'), result('r'), stdout('o4')];
    for (const output of outputs) pane.append(output);
    pane.flush();
    const spans = [...log.querySelector('pre')!.children];
    expect(spans.map((span) => [span.classList[0], span.textContent])).toEqual([
      ['output-stdout', 'o1o2'],
      ['output-stderr', 'e1e2'],
      ['output-stdout', 'o3'],
      ['output-result', 'r\n'],
      ['output-stdout', 'o4'],
    ]);
    expect(log.textContent).toBe(outputsText(outputs));
  });

  it('appends after the stored output until cleared', () => {
    const log = cellLog('stored output\n');
    const pane = createOutputPane(log);
    pane.append(stdout('fresh\n'));
    pane.flush();
    expect(log.textContent).toBe('stored output\nfresh\n');
    expect(log.querySelectorAll('pre')).toHaveLength(1);
  });

  it('clear() empties the pane, dropping the stored output', () => {
    const log = cellLog('stored output\n');
    const pane = createOutputPane(log);
    pane.append(stdout('old run\n'));
    pane.flush();
    pane.clear();
    expect(log.textContent).toBe('');
    expect(log.children).toHaveLength(1);
    expect(log.firstElementChild?.tagName).toBe('PRE');
    expect(log.firstElementChild?.className).toBe('output-text');
    pane.append(stdout('new run\n'));
    pane.flush();
    expect(log.textContent).toBe('new run\n');
  });

  it('clear() drops outputs queued but not yet drawn', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.append(stdout('from the previous run'));
    pane.clear();
    frames.runFrame();
    pane.flush();
    expect(log.textContent).toBe('');
  });

  it('does not merge a new run’s stdout into the previous run’s text', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    pane.append(stdout('first run'));
    pane.flush();
    const oldNode = log.querySelector('pre')!.firstElementChild!.firstChild!;
    pane.clear();
    pane.append(stdout('second run'));
    pane.flush();
    expect(log.textContent).toBe('second run');
    expect(oldNode.textContent).toBe('first run');
  });

  it('outputs appended right after clear() are drawn by the next frame', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.append(stdout('old'));
    pane.clear();
    pane.append(stdout('new'));
    frames.runFrame();
    expect(log.textContent).toBe('new');
  });

  it('keeps HTML-looking output as text', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    pane.append(stdout('<img src=x onerror=alert(1)>'));
    pane.append(stdout('<script>alert(2)</script>'));
    pane.append(result('<b>x</b>'));
    pane.flush();
    expect(log.querySelector('img, script, b')).toBeNull();
    expect(log.textContent).toBe('<img src=x onerror=alert(1)><script>alert(2)</script><b>x</b>\n');
  });

  it('flush() with nothing queued changes nothing', () => {
    const log = cellLog('stored\n');
    const pane = createOutputPane(log);
    const before = snapshot(log);
    pane.flush();
    expect(snapshot(log)).toBe(before);
  });
});

describe('createOutputPane with the DOM’s own animation frames', () => {
  it('draws all outputs together on the next animation frame', async () => {
    vi.unstubAllGlobals();
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    pane.append(stdout('a'));
    pane.append(stderr('b'));
    pane.append(stdout('c'));
    expect(log.textContent).toBe('');
    // Frame callbacks run in the order they were requested: by this one, the pane's has run.
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    expect(log.textContent).toBe('abc');
    expect(log.querySelector('pre')!.children).toHaveLength(3);
  });
});

describe('createOutputPane flood limits', () => {
  /** Small limits, so a flood fits in a test: blocks of 3 lines, a head and a tail of about 10. */
  const SMALL = { headLines: 10, tailLines: 10, headChars: 1e6, tailChars: 1e6, chunkLines: 3 };
  /** Limits no test reaches: everything is kept. */
  const ROOMY = { headLines: 1e9, tailLines: 1e9, headChars: 1e12, tailChars: 1e12, chunkLines: 3 };

  const line = (i: number) => `line ${i}\n`;
  const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => line(from + i)).join('');

  const chunks = (log: HTMLElement) => [...log.querySelectorAll<HTMLElement>('.output-chunk')];
  const markers = (log: HTMLElement) => [...log.querySelectorAll<HTMLElement>('.output-hidden')];
  const newlines = (text: string) => text.split('\n').length - 1;
  /** The lines the blocks hold, without their newlines. */
  const shownLines = (log: HTMLElement) =>
    chunks(log)
      .map((chunk) => chunk.textContent ?? '')
      .join('')
      .split('\n')
      .slice(0, -1);
  /** The number a "N lines hidden" marker states. */
  const hiddenCount = (marker: HTMLElement) => {
    const match = /([\d,]+) lines hidden/.exec(marker.textContent ?? '');
    expect(match, `marker text: ${marker.textContent}`).not.toBeNull();
    return Number(match![1]!.replaceAll(',', ''));
  };
  const isBefore = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

  /** Checks that `shown` is a head `line 0..h-1` and a tail `line t..total-1`; returns their sizes. */
  function headAndTail(shown: string[], total: number) {
    let head = 0;
    while (head < shown.length && shown[head] === `line ${head}`) head++;
    const tail = shown.slice(head);
    const first = total - tail.length;
    expect(tail).toEqual(Array.from({ length: tail.length }, (_, i) => `line ${first + i}`));
    return { head, tail: tail.length };
  }

  it('writes a stream into blocks of at most chunkLines lines, keeping all the text', () => {
    const log = cellLog();
    const pane = createOutputPane(log, ROOMY);
    pane.clear();
    // Pieces that split lines and span several: 'line 0\nli', 'ne 1\nline 2\nline 3\nl', ...
    const text = lines(0, 50);
    for (let start = 0, size = 1; start < text.length; start += size, size = (size % 23) + 1) {
      pane.append(stdout(text.slice(start, start + size)));
      if (size % 4 === 0) frames.runFrame();
    }
    pane.flush();
    expect(log.textContent).toBe(text);
    const blocks = chunks(log);
    expect(blocks.length).toBe(Math.ceil(50 / 3));
    for (const block of blocks) expect(newlines(block.textContent ?? '')).toBeLessThanOrEqual(3);
    // Every block but the last is full and closed at a line end.
    for (const block of blocks.slice(0, -1)) {
      expect(newlines(block.textContent ?? '')).toBe(3);
      expect(block.textContent!.endsWith('\n')).toBe(true);
    }
    expect(markers(log)).toHaveLength(0);
  });

  it('splits one large write into blocks too', () => {
    const log = cellLog();
    const pane = createOutputPane(log, ROOMY);
    pane.clear();
    pane.append(stdout(lines(0, 10)));
    pane.flush();
    expect(chunks(log).map((chunk) => newlines(chunk.textContent ?? ''))).toEqual([3, 3, 3, 1]);
    expect(log.textContent).toBe(lines(0, 10));
  });

  it('gives stderr its own blocks, also of at most chunkLines lines', () => {
    const log = cellLog();
    const pane = createOutputPane(log, ROOMY);
    pane.clear();
    pane.append(stdout(lines(0, 4)));
    pane.append(stderr(lines(4, 11)));
    pane.flush();
    expect(chunks(log).map((chunk) => [chunk.classList[0], newlines(chunk.textContent ?? '')])).toEqual([
      ['output-stdout', 3],
      ['output-stdout', 1],
      ['output-stderr', 3],
      ['output-stderr', 3],
      ['output-stderr', 1],
    ]);
  });

  it.each([
    ['a frame per line', true],
    ['one flush at the end', false],
  ])('keeps the head and the tail of 100 lines printed one per append (%s)', (_, eachFrame) => {
    const log = cellLog();
    const pane = createOutputPane(log, SMALL);
    pane.clear();
    for (let i = 0; i < 100; i++) {
      pane.append(stdout(line(i)));
      if (eachFrame) frames.runFrame();
    }
    pane.flush();

    const shown = shownLines(log);
    const { head, tail } = headAndTail(shown, 100);
    expect(head).toBeGreaterThanOrEqual(SMALL.headLines);
    expect(tail).toBeGreaterThanOrEqual(SMALL.tailLines - SMALL.chunkLines + 1);
    expect(shown.length).toBeLessThanOrEqual(SMALL.headLines + SMALL.tailLines + SMALL.chunkLines);
    expect(shown.at(-1)).toBe('line 99');

    const [marker, ...more] = markers(log);
    expect(more).toHaveLength(0);
    expect(hiddenCount(marker!)).toBe(100 - shown.length);
    expect(marker!.textContent).toContain(`${100 - shown.length} lines hidden`);
    // With these limits: blocks of 3, head closes after 12 lines, tail keeps 10.
    expect([head, tail]).toEqual([12, 10]);
    expect(marker!.textContent).toBe('… 78 lines hidden (the first and the last are shown) …\n');

    // The marker stands between the head and the tail.
    const blocks = chunks(log);
    const headBlocks = blocks.filter((block) => isBefore(block, marker!));
    expect(headBlocks.map((block) => block.textContent).join('')).toBe(lines(0, head));
    expect(log.textContent).toBe(`${lines(0, head)}${marker!.textContent}${lines(100 - tail, 100)}`);
  });

  it('stays within its limits throughout a flood drawn frame by frame, and keeps counting', () => {
    const log = cellLog();
    const pane = createOutputPane(log, SMALL);
    pane.clear();
    for (let i = 0; i < 1000; i++) {
      pane.append(stdout(line(i)));
      frames.runFrame();
      const shown = shownLines(log);
      expect(shown.length).toBeLessThanOrEqual(SMALL.headLines + SMALL.tailLines + SMALL.chunkLines);
      const found = markers(log);
      expect(found.length).toBeLessThanOrEqual(1);
      if (found.length === 1) expect(hiddenCount(found[0]!)).toBe(i + 1 - shown.length);
    }
    headAndTail(shownLines(log), 1000);
    expect(markers(log)).toHaveLength(1);
  });

  it('shows no marker while the output fits', () => {
    const log = cellLog();
    const pane = createOutputPane(log, SMALL);
    pane.clear();
    for (let i = 0; i < 20; i++) pane.append(stdout(line(i)));
    pane.flush();
    expect(markers(log)).toHaveLength(0);
    expect(log.textContent).toBe(lines(0, 20));
  });

  it('limits the characters the same way, with long lines', () => {
    const limits = { headLines: 1e6, tailLines: 1e6, headChars: 200, tailChars: 200, chunkLines: 3 };
    /** 50 characters with its newline. */
    const wide = (i: number) => `line ${i} `.padEnd(49, 'x') + '\n';
    const log = cellLog();
    const pane = createOutputPane(log, limits);
    pane.clear();
    for (let i = 0; i < 100; i++) {
      pane.append(stdout(wide(i)));
      frames.runFrame();
    }
    pane.flush();
    const shown = chunks(log)
      .map((chunk) => chunk.textContent)
      .join('');
    expect(shown.length).toBeLessThanOrEqual(limits.headChars + limits.tailChars + limits.chunkLines * 50);
    const shownCount = newlines(shown);
    // Head: two blocks (300 characters ≥ 200); tail: the last blocks within 200 characters.
    const want = [0, 1, 2, 3, 4, 5, 96, 97, 98, 99];
    expect(shown).toBe(want.map(wide).join(''));
    const [marker, ...more] = markers(log);
    expect(more).toHaveLength(0);
    expect(hiddenCount(marker!)).toBe(100 - shownCount);
    expect(hiddenCount(marker!)).toBe(90);
  });

  it('limits the characters of lines cut by the long-line limiter', () => {
    const limits = { headLines: 1e6, tailLines: 1e6, headChars: 30_000, tailChars: 30_000, chunkLines: 3 };
    const log = cellLog();
    const pane = createOutputPane(log, limits);
    pane.clear();
    // 40 lines of 20,000 characters: 800,000 in all, each cut to 10,000 plus its marker.
    for (let i = 0; i < 40; i++) {
      pane.append(stdout(`${`line ${i} `.padEnd(20_000, 'x')}\n`));
      frames.runFrame();
    }
    pane.flush();
    const shown = shownLines(log);
    for (const text of shown) expect(text).toMatch(/^line \d+ x+ … \[10,000 characters hidden\]$/);
    const ids = shown.map((text) => Number(/^line (\d+)/.exec(text)![1]));
    expect(ids[0]).toBe(0);
    expect(ids.at(-1)).toBe(39);
    const total = shown.join('\n').length + shown.length;
    expect(total).toBeLessThanOrEqual(limits.headChars + limits.tailChars + limits.chunkLines * 10_100);
    expect(log.textContent!.length).toBeLessThan(100_000);
    const [marker, ...more] = markers(log);
    expect(more).toHaveLength(0);
    expect(hiddenCount(marker!)).toBe(40 - shown.length);
  });

  it('clear() resets the limits: no marker, and the next run has its own head and count', () => {
    const log = cellLog();
    const pane = createOutputPane(log, SMALL);
    pane.clear();
    for (let i = 0; i < 100; i++) pane.append(stdout(line(i)));
    pane.flush();
    expect(markers(log)).toHaveLength(1);

    pane.clear();
    expect(markers(log)).toHaveLength(0);
    expect(chunks(log)).toHaveLength(0);
    expect(log.textContent).toBe('');

    // A short run fits again: its first lines are a head, not a tail of the old run.
    for (let i = 0; i < 15; i++) pane.append(stdout(line(i)));
    pane.flush();
    expect(markers(log)).toHaveLength(0);
    expect(log.textContent).toBe(lines(0, 15));

    // A flood again: the count starts from this run.
    pane.clear();
    for (let i = 0; i < 100; i++) pane.append(stdout(line(i)));
    pane.flush();
    const shown = shownLines(log);
    headAndTail(shown, 100);
    expect(markers(log)).toHaveLength(1);
    expect(hiddenCount(markers(log)[0]!)).toBe(100 - shown.length);
    expect(hiddenCount(markers(log)[0]!)).toBe(78);
  });

  it('never removes a non-stream output (an error) in the middle of a flood', () => {
    const log = cellLog();
    const pane = createOutputPane(log, SMALL);
    pane.clear();
    for (let i = 0; i < 30; i++) {
      pane.append(stdout(line(i)));
      frames.runFrame();
    }
    pane.append(error('Traceback: boom\n'));
    for (let i = 30; i < 100; i++) {
      pane.append(stdout(line(i)));
      frames.runFrame();
    }
    pane.flush();
    const errors = log.querySelectorAll('.output-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.textContent).toContain('Traceback: boom');
    expect(log.textContent).toContain('Traceback: boom');

    const shown = shownLines(log);
    const { head } = headAndTail(shown, 100);
    expect(head).toBeGreaterThanOrEqual(SMALL.headLines);
    expect(shown.length).toBeLessThanOrEqual(SMALL.headLines + SMALL.tailLines + SMALL.chunkLines);
    // One marker per gap: the hidden lines before the error and those after it.
    const gaps = markers(log);
    expect(gaps.length).toBeGreaterThanOrEqual(1);
    expect(gaps.reduce((sum, marker) => sum + hiddenCount(marker), 0)).toBe(100 - shown.length);
    // The error stays after the head and before the last lines.
    const blocks = chunks(log);
    expect(isBefore(blocks[0]!, errors[0]!)).toBe(true);
    expect(isBefore(errors[0]!, blocks.at(-1)!)).toBe(true);
  });

  it('keeps an error printed in the head, and one in the tail, in place', () => {
    const log = cellLog();
    const pane = createOutputPane(log, SMALL);
    pane.clear();
    pane.append(stdout(lines(0, 2)));
    pane.append(error('early\n'));
    for (let i = 2; i < 98; i++) pane.append(stdout(line(i)));
    pane.append(error('late\n'));
    pane.append(stdout(lines(98, 100)));
    pane.flush();
    const text = log.textContent!;
    expect(text.startsWith(`${lines(0, 2)}`)).toBe(true);
    expect(text.indexOf('early')).toBeGreaterThan(text.indexOf('line 1\n'));
    expect(text.indexOf('early')).toBeLessThan(text.indexOf('line 2\n'));
    expect(text.endsWith(`late\n${lines(98, 100)}`)).toBe(true);
    expect(log.querySelectorAll('.output-error')).toHaveLength(2);
  });

  // When a non-stream output (here an error) sits among the dropped lines, the lines dropped after
  // it need a marker of their own between the error and the tail: one marker before the error
  // would count them too, and the reader would see line 90 as if it came right after the traceback.
  it('marks the lines hidden after an error that stays in the middle', () => {
    const log = cellLog();
    const pane = createOutputPane(log, SMALL);
    pane.clear();
    for (let i = 0; i < 30; i++) pane.append(stdout(line(i)));
    pane.append(error('Traceback: boom\n'));
    for (let i = 30; i < 100; i++) pane.append(stdout(line(i)));
    pane.flush();
    const errorElement = log.querySelector('.output-error')!;
    const tailStart = chunks(log).find((block) => block.textContent!.startsWith('line 90\n'))!;
    expect(tailStart).toBeDefined();
    // Something between the error and the tail must say that lines were hidden there.
    const between = markers(log).filter((marker) => isBefore(errorElement, marker) && isBefore(marker, tailStart));
    expect(between).toHaveLength(1);
  });

  it('finish() adds the hidden-characters marker of a long line cut at the very end', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    pane.append(stdout('x'.repeat(20_000)));
    pane.flush();
    // Still open: the line might go on.
    expect(log.textContent).toBe('x'.repeat(10_000));
    pane.finish();
    expect(log.textContent).toBe(`${'x'.repeat(10_000)} … [10,000 characters hidden]`);
    const blocks = chunks(log);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.textContent).toBe(`${'x'.repeat(10_000)} … [10,000 characters hidden]`);
  });

  it('finish() draws what is queued, then closes the cut line', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    pane.append(stdout('y'.repeat(6_000)));
    pane.append(stdout('y'.repeat(6_000)));
    expect(frames.pending).toBe(1);
    pane.finish();
    expect(frames.pending).toBe(0);
    expect(log.textContent).toBe(`${'y'.repeat(10_000)} … [2,000 characters hidden]`);
  });

  it('finish() adds nothing when the last line was not cut, or its marker is already written', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    pane.append(stdout('short'));
    pane.finish();
    expect(log.textContent).toBe('short');

    pane.clear();
    pane.append(stdout(`${'z'.repeat(10_005)}\n`));
    pane.finish();
    expect(log.textContent).toBe(`${'z'.repeat(10_000)} … [5 characters hidden]\n`);
  });

  it('closes a cut line before a non-stream output that follows it', () => {
    const log = cellLog();
    const pane = createOutputPane(log);
    pane.clear();
    pane.append(stdout('x'.repeat(10_003)));
    pane.append(error('E: x\n'));
    pane.finish();
    expect(log.textContent).toBe(`${'x'.repeat(10_000)} … [3 characters hidden]E: x\n`);
  });
});
