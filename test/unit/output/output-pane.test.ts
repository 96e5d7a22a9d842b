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
