import { getNotebook } from '../notebook/page-notebook.ts';
import type { LoopViewController } from './loop-step.ts';

/**
 * `<nb-loop-view>`: a cell's loop view. Eager and tiny, since every chapter with a loop loads it:
 * it shows the cell's "Show the loop" button and, on the first press, loads the view itself. The
 * exercises' "Step through it in the loop view" links open it too.
 */
export class LoopViewElement extends HTMLElement {
  private controller: Promise<LoopViewController> | undefined;
  private open = false;

  private get toggle(): HTMLButtonElement | null {
    return document.querySelector<HTMLButtonElement>(`button[aria-controls="${this.id}"]`);
  }

  connectedCallback(): void {
    const toggle = this.toggle;
    if (!toggle) return;
    toggle.hidden = false;
    toggle.addEventListener('click', () => void this.setOpen(!this.open));
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
    const notebook = getNotebook();
    const cell = notebook.cell(this.dataset['cellId'] ?? '');
    if (!cell) return;
    this.open = open;
    this.toggle?.setAttribute('aria-expanded', String(open));
    this.controller ??= import('./loop-view.ts').then(({ LoopView }) => new LoopView(this, cell, notebook));
    const controller = await this.controller;
    // The view listens to the cell's model before the model asks for a trace: no step is missed.
    controller.setOpen(open);
    this.hidden = !open;
  }
}

if (!customElements.get('nb-loop-view')) customElements.define('nb-loop-view', LoopViewElement);
