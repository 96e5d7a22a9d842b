import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** A table's body as the reader reads it: one array of cell texts per row. */
export function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent ?? '')));
}

/** The loop view of a cell through its contract: the region, its Steps table, controls and status. */
export function loopViewOf(cell: Locator) {
  const region = cell.page().getByRole('region', { name: /^Event loop/ }).and(cell.locator('nb-loop-view'));
  const table = region.getByRole('table', { name: /^Steps/ });
  const slider = region.getByRole('slider', { name: 'Step' });
  const button = (name: string) => region.getByRole('button', { name, exact: true });
  const toggle = cell.getByRole('button', { name: 'Show the loop' });
  return {
    toggle,
    /** Presses Show the loop and waits for the region. */
    open: async () => {
      await toggle.click();
      await region.waitFor();
    },
    region,
    table,
    slider,
    status: region.getByRole('status'),
    button,
    /** The rows of the Steps table as the reader reads them: one array of cell texts per step. */
    rows: () => tableRows(table),
    /** The slider's value and maximum: the current step (1-based) and the number of steps. */
    position: async () => [Number(await slider.inputValue()), Number(await slider.getAttribute('max'))],
    /** Waits until the slider stands on `step`. */
    at: (step: number) => expect.poll(async () => Number(await slider.inputValue())).toBe(step),
  };
}
