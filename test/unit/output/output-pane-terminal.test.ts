// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../src/kernel/protocol.ts';
import { createOutputPane } from '../../../src/output/output-pane.ts';

// How the pane draws streams the way a terminal and JupyterLab show them. Each flush() below is a
// frame: text that arrives in a later message than the text it rewrites must still rewrite it.

const stdout = (text: string): Output => ({ output_type: 'stream', name: 'stdout', text });
const stderr = (text: string): Output => ({ output_type: 'stream', name: 'stderr', text });
const result = (text: string): Output => ({ output_type: 'execute_result', execution_count: 1, data: { 'text/plain': text } });
const error = (line: string): Output => ({ output_type: 'error', ename: 'E', evalue: 'x', traceback: [line] });

function cellLog() {
  const log = document.createElement('div');
  log.append(Object.assign(document.createElement('pre'), { className: 'output-text' }));
  document.body.append(log);
  return log;
}

function runPane(limits?: Parameters<typeof createOutputPane>[1]) {
  const log = cellLog();
  const pane = createOutputPane(log, limits);
  pane.clear();
  return { log, pane };
}

const chunks = (log: HTMLElement) => [...log.querySelectorAll<HTMLElement>('.output-chunk')];

afterEach(() => document.body.replaceChildren());

describe('createOutputPane: carriage returns and backspaces', () => {
  it('shows one line for \\r progress printed in five messages, each drawn in its own frame', () => {
    const { log, pane } = runPane();
    for (let i = 1; i <= 5; i++) {
      pane.append(stdout(`\rprogress ${i}/5`));
      pane.flush();
      expect(log.textContent).toBe(`progress ${i}/5`);
    }
    pane.append(stdout('\n'));
    pane.append(stdout('done\n'));
    pane.finish();
    expect(log.textContent).toBe('progress 5/5\ndone\n');
    expect(chunks(log)).toHaveLength(1);
  });

  it('a backspace replaces the character before it, also from the next message', () => {
    const { log, pane } = runPane();
    pane.append(stdout('abc\bd\n'));
    pane.flush();
    expect(log.textContent).toBe('abd\n');
    pane.append(stdout('spin -'));
    pane.flush();
    pane.append(stdout('\b\\'));
    pane.flush();
    expect(log.textContent).toBe('abd\nspin \\');
  });

  it('keeps rewriting the same text node, so nothing else in the block is redrawn', () => {
    const { log, pane } = runPane();
    pane.append(stdout('first line\n'));
    pane.append(stdout('\r10%'));
    pane.flush();
    const node = chunks(log)[0]!.firstChild;
    pane.append(stdout('\r20%'));
    pane.flush();
    expect(chunks(log)[0]!.firstChild).toBe(node);
    expect(node?.textContent).toBe('first line\n20%');
  });

  it('a \\r cannot reach back past another output: stderr, a result or an error', () => {
    const { log, pane } = runPane();
    pane.append(stdout('abc'));
    pane.append(stderr('E'));
    pane.append(stdout('\rZ'));
    pane.append(result('1'));
    pane.append(stdout('\rY'));
    pane.flush();
    expect(log.textContent).toBe('abcEZ1\nY');
  });

  it('a line left open at the end of the run can still be rewritten by output that comes later', () => {
    const { log, pane } = runPane();
    pane.append(stdout('tick 1'));
    pane.finish();
    pane.append(stdout('\rtick 2'));
    pane.flush();
    expect(log.textContent).toBe('tick 2');
  });

  it('a progress line redrawn 100,000 times stays one line and counts once against the limits', () => {
    const limits = { headLines: 10, tailLines: 10, headChars: 200, tailChars: 200, chunkLines: 3 };
    const { log, pane } = runPane(limits);
    for (let i = 0; i < 100; i++) {
      pane.append(stdout(Array.from({ length: 1000 }, (_, k) => `\r${`step ${i * 1000 + k}`.padEnd(40, '.')}`).join('')));
      pane.flush();
    }
    expect(log.textContent).toBe('step 99999'.padEnd(40, '.'));
    // 300 characters more: the head (200) and the tail (200) hold them only if the progress line
    // counted as the 40 characters it shows, not the 4,000,000 it was written as.
    pane.append(stdout(`\n${`${'x'.repeat(14)}\n`.repeat(20)}`));
    pane.finish();
    expect(log.querySelectorAll('.output-hidden')).toHaveLength(0);
    expect(log.textContent!.split('\n')).toHaveLength(22);
  });

  it('keeps the head and tail limits right when lines are drawn through \\r', () => {
    const limits = { headLines: 10, tailLines: 10, headChars: 1e6, tailChars: 1e6, chunkLines: 3 };
    const { log, pane } = runPane(limits);
    for (let i = 0; i < 100; i++) {
      pane.append(stdout(`\rline ${i} 0%`));
      pane.flush();
      pane.append(stdout(`\rline ${i}    \n`));
      pane.flush();
    }
    pane.finish();
    const shown = chunks(log)
      .map((chunk) => chunk.textContent)
      .join('')
      .split('\n')
      .slice(0, -1)
      .map((text) => text.trimEnd());
    const marker = log.querySelector('.output-hidden')!;
    expect(marker.textContent).toBe(`… ${100 - shown.length} lines hidden (the first and the last are shown) …\n`);
    expect(shown.slice(0, 3)).toEqual(['line 0', 'line 1', 'line 2']);
    expect(shown.at(-1)).toBe('line 99');
    expect(shown.every((text) => /^line \d+$/.test(text))).toBe(true);
  });
});

describe('createOutputPane: ANSI colours', () => {
  it('shows bold red as a styled span, with no escape sequence left in the text', () => {
    const { log, pane } = runPane();
    pane.append(stdout('\x1b[1;31mred\x1b[0m and plain\n'));
    pane.flush();
    const span = log.querySelector('.ansi-red-fg')!;
    expect(span.textContent).toBe('red');
    expect(span.classList.contains('ansi-bold')).toBe(true);
    expect(log.textContent).toBe('red and plain\n');
    expect(log.textContent).not.toContain('[1;31m');
  });

  it('colours text when the escape sequence is split across two messages drawn in two frames', () => {
    const { log, pane } = runPane();
    pane.append(stdout('a \x1b[3'));
    pane.flush();
    expect(log.textContent).toBe('a ');
    pane.append(stdout('2mgreen\x1b[0m\n'));
    pane.flush();
    expect(log.querySelector('.ansi-green-fg')?.textContent).toBe('green');
    expect(log.textContent).toBe('a green\n');
  });

  it('a colour stays on from one message to the next, and \\r rewrites coloured text', () => {
    const { log, pane } = runPane();
    pane.append(stdout('\x1b[33m\r 50%'));
    pane.flush();
    pane.append(stdout('\r100%\x1b[0m\n'));
    pane.flush();
    const spans = log.querySelectorAll('.ansi-yellow-fg');
    expect([...spans].map((span) => span.textContent)).toEqual(['100%']);
    expect(log.textContent).toBe('100%\n');
  });

  it('colours stderr and tracebacks too', () => {
    const { log, pane } = runPane();
    pane.append(stderr('\x1b[35mwarning\x1b[0m\n'));
    pane.append(error('\x1b[1;31mValueError\x1b[0m: bad\n'));
    pane.flush();
    expect(log.querySelector('.output-stderr .ansi-magenta-fg')?.textContent).toBe('warning');
    expect(log.querySelector('.output-error .ansi-red-fg.ansi-bold')?.textContent).toBe('ValueError');
    expect(log.textContent).toBe('warning\nValueError: bad\n');
  });

  it('keeps HTML inside coloured text as text', () => {
    const { log, pane } = runPane();
    pane.append(stdout('\x1b[31m<img src=x onerror=alert(1)><b>x</b>\x1b[0m'));
    pane.flush();
    expect(log.querySelector('img, b, script')).toBeNull();
    expect(log.querySelector('.ansi-red-fg')?.textContent).toBe('<img src=x onerror=alert(1)><b>x</b>');
  });

  it('a coloured flood is still written in blocks of chunkLines lines', () => {
    const limits = { headLines: 1e9, tailLines: 1e9, headChars: 1e12, tailChars: 1e12, chunkLines: 3 };
    const { log, pane } = runPane(limits);
    pane.append(stdout(Array.from({ length: 10 }, (_, i) => `\x1b[3${i % 8}m${i}\x1b[0m\n`).join('')));
    pane.flush();
    expect(chunks(log).map((chunk) => chunk.textContent)).toEqual(['0\n1\n2\n', '3\n4\n5\n', '6\n7\n8\n', '9\n']);
    expect(chunks(log)[1]!.querySelector('.ansi-yellow-fg')?.textContent).toBe('3');
  });

  it('clear() forgets the colour of the previous run', () => {
    const { log, pane } = runPane();
    pane.append(stdout('\x1b[31mred'));
    pane.flush();
    pane.clear();
    pane.append(stdout('plain'));
    pane.flush();
    expect(log.querySelector('.ansi')).toBeNull();
    expect(log.textContent).toBe('plain');
  });
});
