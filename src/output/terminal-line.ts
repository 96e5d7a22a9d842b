import type { StyledText, TextStyle } from './ansi-styles.ts';

/** Finished output: text, or the number of characters a line had past the columns it keeps. */
export type Finished = StyledText | { hidden: number };

/** What changed since the last `take()`, in the order the pane draws it. */
export interface LineUpdate {
  /** Characters to remove from the end of the open line as last drawn. */
  erase: number;
  /** Lines that ended (with their `\n`); the first one replaces the open line as drawn. */
  finished: Finished[];
  /** Text to draw after that: the open line from the first column that changed. */
  open: StyledText[];
}

const CONTROL = /[\n\r\b]/g;
const MOVES_BACK = /[\r\b]/;

const sameStyle = (a: TextStyle | undefined, b: TextStyle | undefined) => a?.key === b?.key;

/** The columns `from` to `to` of a line held as styled runs. */
function columns(line: StyledText[], from: number, to: number): StyledText[] {
  const out: StyledText[] = [];
  let start = 0;
  for (const run of line) {
    const end = start + run.text.length;
    if (end > from && start < to) {
      out.push({ text: run.text.slice(Math.max(0, from - start), Math.min(run.text.length, to - start)), style: run.style });
    }
    start = end;
  }
  return out;
}

function pushMerged(runs: StyledText[], text: string, style: TextStyle | undefined): void {
  if (text === '') return;
  const last = runs.at(-1);
  if (last && sameStyle(last.style, style)) last.text += text;
  else runs.push({ text, style });
}

/**
 * The last line of a stream as a terminal (and JupyterLab) shows it: `\r` goes back to the start
 * of the line and later text overwrites it, `\b` goes back one column, `\n` ends the line for good.
 * Only the line not yet ended can change, so everything before it is drawn once and never again.
 * The line keeps at most `maxColumns` columns and counts the rest, so one endless line (a progress
 * bar redrawn a million times, a 10 MB print) costs no more than a line of that width.
 */
export function createTerminalLine(maxColumns = Infinity) {
  let line: StyledText[] = [];
  /** Columns held in `line`; `length` also counts those past `maxColumns`. */
  let stored = 0;
  let length = 0;
  let cursor = 0;
  /** Columns of the open line as the last take() handed it out, and the first column changed since. */
  let drawn = 0;
  let changedFrom = Infinity;
  let finished: Finished[] = [];

  function write(text: string, style: TextStyle | undefined): void {
    if (text === '') return;
    const end = cursor + text.length;
    if (cursor < maxColumns) {
      const kept = text.slice(0, maxColumns - cursor);
      if (cursor === stored) {
        pushMerged(line, kept, style);
      } else {
        const after = cursor + kept.length;
        const next = columns(line, 0, cursor);
        pushMerged(next, kept, style);
        for (const run of columns(line, after, stored)) pushMerged(next, run.text, run.style);
        line = next;
      }
      stored = Math.max(stored, cursor + kept.length);
      changedFrom = Math.min(changedFrom, cursor);
    }
    cursor = end;
    length = Math.max(length, end);
  }

  function endLine(style: TextStyle | undefined): void {
    for (const run of line) pushFinished(run.text, run.style);
    if (length > stored) finished.push({ hidden: length - stored });
    pushFinished('\n', style);
    line = [];
    stored = length = cursor = 0;
    changedFrom = 0;
  }

  function pushFinished(text: string, style: TextStyle | undefined): void {
    const last = finished.at(-1);
    if (last && 'text' in last && sameStyle(last.style, style)) last.text += text;
    else finished.push({ text, style });
  }

  /** Every line of `text` is at most maxColumns wide, so it can be passed on as it is. */
  function fits(text: string): boolean {
    if (text.length <= maxColumns + 1) return true;
    for (let start = 0; start < text.length; ) {
      const end = text.indexOf('\n', start);
      if ((end < 0 ? text.length : end) - start > maxColumns) return false;
      start = end < 0 ? text.length : end + 1;
    }
    return true;
  }

  /** Text without `\r` or `\b` (a flood of prints): the lines between its first and last newline
   * are finished as they stand, in one piece, rather than one line at a time. */
  function writeLines(text: string, style: TextStyle | undefined): void {
    const first = text.indexOf('\n');
    if (first < 0) return write(text, style);
    write(text.slice(0, first), style);
    endLine(style);
    const last = text.lastIndexOf('\n');
    const middle = text.slice(first + 1, last + 1);
    if (fits(middle)) {
      pushFinished(middle, style);
    } else {
      for (const lineText of middle.slice(0, -1).split('\n')) {
        write(lineText, style);
        endLine(style);
      }
    }
    write(text.slice(last + 1), style);
  }

  return {
    /** Applies printed text: runs of characters, and `\n`, `\r`, `\b` as a terminal does. */
    write(piece: StyledText): void {
      const { text, style } = piece;
      if (!MOVES_BACK.test(text)) return writeLines(text, style);
      let start = 0;
      for (const match of text.matchAll(CONTROL)) {
        write(text.slice(start, match.index), style);
        start = match.index + 1;
        if (match[0] === '\n') endLine(style);
        else if (match[0] === '\r') cursor = 0;
        else cursor = Math.max(0, cursor - 1);
      }
      write(text.slice(start), style);
    },
    /** What to draw now to show the output as it stands. */
    take(): LineUpdate {
      const from = Math.min(changedFrom, drawn);
      const update = { erase: drawn - from, finished, open: columns(line, from, stored) };
      finished = [];
      drawn = stored;
      changedFrom = Infinity;
      return update;
    },
    /** Columns the open line had past those it keeps: the reader is told how many are hidden. */
    get hidden(): number {
      return length - stored;
    },
    /** Ends the open line where it stands (another output follows it); nothing can change it now. */
    close(): void {
      line = [];
      stored = length = cursor = drawn = 0;
      changedFrom = Infinity;
    },
  };
}

export type TerminalLine = ReturnType<typeof createTerminalLine>;
