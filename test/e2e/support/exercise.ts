/** An exercise region ("Exercise 3: ...") with its own cell, Check, Hint, Show solution and Start over. */
import { Cell } from './cell.ts';
import type { Handle } from './driver/driver.ts';
import { RUN_MS } from './limits.ts';
import type { NotebookPage } from './notebook-page.ts';

export class Exercise {
  readonly cell: Cell;

  constructor(
    private readonly page: NotebookPage,
    readonly root: Handle,
    number: number,
  ) {
    this.cell = new Cell(page, root.find({ role: 'region', name: /^Cell E/ }), `the cell of exercise ${number}`);
  }

  button(name: string): Handle {
    return this.root.find({ role: 'button', name, exact: true });
  }

  /** The status region where a check's verdict appears. */
  feedback(): Handle {
    return this.root.find({ role: 'status', name: 'Feedback' });
  }

  /** The hints shown so far. */
  hints(): Handle {
    return this.root.find({ role: 'list', name: 'Hints' }).find({ css: 'li', visible: true });
  }

  /** Presses Check and returns the verdict once there is one. */
  async check(timeout = RUN_MS): Promise<string> {
    await this.button('Check').click();
    await this.waitForVerdict(timeout);
    return this.feedback().text();
  }

  /** Waits until the feedback says Solved, Not solved or Not checked. */
  waitForVerdict(timeout = RUN_MS): Promise<void> {
    return this.page.waitUntil(async () => /^(Solved|Not solved|Not checked)/.test(await this.feedback().text()), {
      timeout,
      message: 'a verdict from Check',
    });
  }
}
