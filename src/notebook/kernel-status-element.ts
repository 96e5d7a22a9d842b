import type { KernelStatus } from '../kernel/kernel.ts';
import { getNotebook } from './notebook.ts';

function describe(status: KernelStatus): { label: string; detail: string } {
  switch (status.state) {
    case 'not-started':
      return { label: 'Python: not started', detail: 'It starts when you run a cell.' };
    case 'starting':
      return { label: `Python: loading (${status.step} of ${status.steps})`, detail: status.detail };
    case 'idle':
      return { label: 'Python: idle', detail: status.detail };
    case 'busy':
      return { label: 'Python: busy', detail: status.detail };
    case 'dead':
      return { label: 'Python: stopped', detail: status.detail };
  }
}

/** The page's kernel status: what is loading and how far, then idle or busy. */
export class KernelStatusElement extends HTMLElement {
  private unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    const kernel = getNotebook().kernel;
    this.render(kernel.status);
    this.unsubscribe = kernel.onStatus((status) => this.render(status));
  }

  disconnectedCallback(): void {
    this.unsubscribe?.();
  }

  private render(status: KernelStatus): void {
    const { label, detail } = describe(status);
    this.dataset['state'] = status.state;
    const labelElement = this.querySelector('[data-label]');
    const detailElement = this.querySelector('[data-detail]');
    const progress = this.querySelector('progress');
    if (labelElement) labelElement.textContent = label;
    if (detailElement) detailElement.textContent = detail;
    if (progress) {
      progress.hidden = status.state !== 'starting';
      progress.max = status.steps || 1;
      progress.value = status.step;
    }
  }
}
