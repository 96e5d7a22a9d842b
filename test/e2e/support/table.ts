import type { Handle } from './driver/driver.ts';

/** A table's body as the reader reads it: one array of cell texts per row. */
export function tableRows(table: Handle): Promise<string[][]> {
  return table
    .find({ css: 'tbody tr' })
    .evaluateAll((rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent ?? '')));
}
