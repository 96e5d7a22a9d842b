import type { Output } from '../kernel/protocol.ts';
import type { Language } from './language.ts';

/** What page-level controls, exporters and checkers need from a cell; the cell element implements it. */
export interface CellHandle {
  readonly index: string;
  run(): Promise<void>;
  /** Takes the cell out of the queue if it is waiting; returns whether it was. */
  cancelIfWaiting(): boolean;
  /** Whether the cell's code is executing now. */
  readonly running: boolean;
  /** Stops the cell's code (or cancels the work it left on the loop). */
  stop(): void;
  clearOutput(): void;
  currentCode(): string;
  codeIn(language: Language): string;
  /** What the reader sees as that side's output; `undefined` until they ran it (the stored one shows). */
  outputsIn(language: Language): readonly Output[] | undefined;
}

/** The page's cells, in reading order. */
export function pageCells(): CellHandle[] {
  return [...document.querySelectorAll('nb-cell')] as unknown as CellHandle[];
}

/** The cells before `cell`, in order. */
export function cellsAbove(cell: CellHandle): CellHandle[] {
  const cells = pageCells();
  return cells.slice(0, cells.indexOf(cell));
}
