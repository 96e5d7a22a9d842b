/** What page-level controls need from a cell; the cell element implements it. */
export interface CellHandle {
  readonly index: string;
  run(): Promise<void>;
  /** Takes the cell out of the queue if it is waiting; returns whether it was. */
  cancelIfWaiting(): boolean;
  clearOutput(): void;
  currentCode(): string;
  codeIn(language: 'python' | 'typescript'): string;
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
