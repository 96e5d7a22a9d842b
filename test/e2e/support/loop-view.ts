/**
 * A cell's loop view through its contract: the region "Event loop of cell N" inside the cell, its
 * Steps table, the Step slider, the controls by name and the status sentence.
 */
import type { Cell } from './cell.ts';
import type { Handle } from './driver/driver.ts';
import { ANSWER_MS } from './limits.ts';
import type { NotebookPage } from './notebook-page.ts';
import { tableRows } from './table.ts';

export class LoopView {
  /** The Show the loop button, which opens and closes the view. */
  readonly toggle: Handle;
  readonly region: Handle;
  readonly table: Handle;
  readonly slider: Handle;
  readonly status: Handle;

  constructor(
    private readonly page: NotebookPage,
    cell: Cell,
  ) {
    this.toggle = cell.button('Show the loop');
    this.region = cell.root.find({ role: 'region', name: /^Event loop/ });
    this.table = this.region.find({ role: 'table', name: /^Steps/ });
    this.slider = this.region.find({ role: 'slider', name: 'Step' });
    this.status = this.region.find({ role: 'status' });
  }

  button(name: string): Handle {
    return this.region.find({ role: 'button', name, exact: true });
  }

  /** Presses Show the loop and waits for the region. */
  async open(): Promise<void> {
    await this.toggle.click();
    await this.waitUntilShown();
  }

  waitUntilShown(): Promise<void> {
    return this.region.waitFor('visible', { timeout: ANSWER_MS, message: 'the loop view to open' });
  }

  /** The rows of the Steps table as the reader reads them: one array of cell texts per step. */
  rows(): Promise<string[][]> {
    return tableRows(this.table);
  }

  /** The slider's value and maximum: the current step (1-based) and the number of steps. */
  async position(): Promise<[number, number]> {
    return [Number(await this.slider.value()), Number(await this.slider.attribute('max'))];
  }

  /** Waits until the slider stands on `step`. */
  at(step: number): Promise<void> {
    return this.page.waitUntil(async () => Number(await this.slider.value()) === step, {
      timeout: ANSWER_MS,
      message: `the loop view to stand on step ${step}`,
    });
  }
}
