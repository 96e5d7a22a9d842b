/**
 * Predict the output before it is shown (PRIMM's "predict"): the choices for a cell whose point is
 * an order, and what a try means. Pure, so the page and the tests share it.
 */

export interface PredictChoice {
  /** The order of lines this choice claims; `null` for "an error". */
  lines: string[] | null;
  correct: boolean;
}

/** A reader gets this many tries before the answer is shown. */
export const MAX_TRIES = 2;

const key = (lines: string[] | null) => (lines === null ? 'error' : lines.join('\n'));

function swap(lines: string[], i: number, j: number): string[] {
  const copy = [...lines];
  [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  return copy;
}

/** Each task's lines together, tasks in the order they first print: "one after the other". */
function oneAfterTheOther(lines: string[]): string[] {
  const owner = (line: string) => line.split(' ').pop() ?? line;
  const owners = [...new Set(lines.map(owner))];
  return owners.flatMap((name) => lines.filter((line) => owner(line) === name));
}

/** A small deterministic hash, so a page shows the same choices in the same order on every build. */
function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/**
 * The real order, up to three plausible wrong ones (the tasks one after the other, the last two or
 * the first two swapped, everything reversed), mixed in an order fixed by `seed`, then "an error".
 */
export function predictChoices(lines: string[], seed: string): PredictChoice[] {
  const candidates = [oneAfterTheOther(lines), swap(lines, lines.length - 2, lines.length - 1), swap(lines, 0, 1), [...lines].reverse()];
  const seen = new Set([key(lines)]);
  const wrong: string[][] = [];
  for (const candidate of candidates) {
    if (lines.length < 2 || seen.has(key(candidate)) || wrong.length === 3) continue;
    seen.add(key(candidate));
    wrong.push(candidate);
  }
  const orders = [{ lines, correct: true }, ...wrong.map((order) => ({ lines: order, correct: false }))];
  const start = hash(seed) % orders.length;
  const rotated = [...orders.slice(start), ...orders.slice(0, start)];
  return [...rotated, { lines: null, correct: false }];
}

export interface PredictState {
  tries: number;
  /** `correct` once the reader chose right; `revealed` once the tries ran out. */
  outcome: 'open' | 'correct' | 'revealed';
}

export const START: PredictState = { tries: 0, outcome: 'open' };

function describe(lines: string[] | null): string {
  return lines === null ? 'an error' : lines.join(', then ');
}

/** The first line where a wrong order parts from the right one, as a reader would put it. */
function difference(chosen: string[] | null, right: string[]): string {
  if (chosen === null) return 'The cell runs without an error.';
  const at = right.findIndex((line, i) => chosen[i] !== line);
  return `Line ${at + 1} is “${right[at]}”, not “${chosen[at]}”.`;
}

/** One try: the next state and what the reader is told. */
export function judgePrediction(
  state: PredictState,
  choice: PredictChoice,
  right: string[],
): { state: PredictState; message: string } {
  if (state.outcome !== 'open') return { state, message: '' };
  const tries = state.tries + 1;
  if (choice.correct) {
    return { state: { tries, outcome: 'correct' }, message: `Right: ${describe(right)}. The output is below; run the cell to see it happen.` };
  }
  if (tries < MAX_TRIES) {
    const left = MAX_TRIES - tries;
    return {
      state: { tries, outcome: 'open' },
      message: `Not that one. Think about which task gives control back, and which sleep ends first. ${left} try left.`,
    };
  }
  return {
    state: { tries, outcome: 'revealed' },
    message: `The answer: ${describe(right)}. ${difference(choice.lines, right)} The output is below; the loop view steps through why.`,
  };
}
