import type { CellModel } from '../notebook/cell-model.ts';
import type { Language } from '../notebook/language.ts';
import type { TraceStep } from './trace-step.ts';

/** What the view needs from the cell it sits in (src/notebook/cell-element.ts provides it). */
export interface LoopCell extends HTMLElement {
  readonly model: CellModel;
}

/** Sent (bubbling) by a loop view each time it draws a step: what a picture that follows it needs. */
export const LOOP_STEP_EVENT = 'loop-step';
export interface LoopStepDetail {
  cellId: string;
  /** The language of the run the steps are from. */
  language: Language;
  steps: readonly TraceStep[];
  /** 0-based; -1 before any step. */
  position: number;
}

/** The part of the view that loads on the first "Show the loop" (./loop-view.ts). */
export interface LoopViewController {
  /** The next runs of the cell are recorded while the view is open, and not once it is closed. */
  setOpen(open: boolean): void;
}

/**
 * `<nb-loop-view>`: a cell's loop view. Eager and tiny, since every chapter with a loop loads it:
 * it shows the cell's "Show the loop" button and, on the first press, loads the view itself. The
 * exercises' "Step through it in the loop view" links open it too.
 */
export class LoopViewElement extends HTMLElement {
  private controller: Promise<LoopViewController> | undefined;

  private get toggle(): HTMLButtonElement | null {
    return document.querySelector<HTMLButtonElement>(`button[aria-controls="${this.id}"]`);
  }

  connectedCallback(): void {
    const toggle = this.toggle;
    if (!toggle) return;
    toggle.hidden = false;
    toggle.addEventListener('click', () => void this.setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
    const cellId = this.dataset['cellId'] ?? '';
    document.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('[data-loop-view-for]') : null;
      if (!(link instanceof HTMLElement) || link.dataset['loopViewFor'] !== cellId) return;
      event.preventDefault();
      void this.setOpen(true).then(() => this.scrollIntoView({ block: 'nearest' }));
    });
    // A link to the view itself opens it.
    if (location.hash === `#${this.id}`) void this.setOpen(true).then(() => this.scrollIntoView({ block: 'start' }));
  }

  async setOpen(open: boolean): Promise<void> {
    const cell = this.closest('nb-cell') as LoopCell | null;
    if (!cell) return;
    this.toggle?.setAttribute('aria-expanded', String(open));
    this.controller ??= import('./loop-view.ts').then(({ LoopView }) => new LoopView(this, cell));
    const controller = await this.controller;
    // The view listens to the cell's model before the model asks for a trace: no step is missed.
    controller.setOpen(open);
    this.hidden = !open;
  }
}

if (!customElements.get('nb-loop-view')) customElements.define('nb-loop-view', LoopViewElement);
