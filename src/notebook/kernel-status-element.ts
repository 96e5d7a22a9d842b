import type { Kernel, KernelStatus } from '../kernel/kernel.ts';
import { onLanguageChange } from './language.ts';
import { getNotebook } from './notebook.ts';

function describe(language: string, status: KernelStatus): { label: string; detail: string } {
  switch (status.state) {
    case 'not-started':
      return { label: `${language}: not started`, detail: 'It starts when you run a cell.' };
    case 'starting':
      // The worker counts bytes (the detail says how many); a share is what the reader can weigh.
      return {
        label: `${language}: loading, ${status.steps > 0 ? Math.round((100 * status.step) / status.steps) : 0}%`,
        detail: status.detail,
      };
    case 'idle':
      return { label: `${language}: idle`, detail: status.detail };
    case 'busy':
      return { label: `${language}: busy`, detail: status.detail };
    case 'dead':
      return { label: `${language}: stopped`, detail: status.detail };
  }
}

/** The page's kernel status: what is loading and how far, then idle or busy. */
export class KernelStatusElement extends HTMLElement {
  private unsubscribe: (() => void) | undefined;
  private stopFollowing: (() => void) | undefined;

  connectedCallback(): void {
    this.follow(getNotebook().kernel);
    // The status is that of the kernel behind the language on screen.
    this.stopFollowing = onLanguageChange(() => this.follow(getNotebook().kernel));
  }

  disconnectedCallback(): void {
    this.unsubscribe?.();
    this.stopFollowing?.();
  }

  private follow(kernel: Kernel): void {
    this.unsubscribe?.();
    this.render(kernel.language, kernel.status);
    this.unsubscribe = kernel.onStatus((status) => this.render(kernel.language, status));
  }

  private render(language: string, status: KernelStatus): void {
    const { label, detail } = describe(language, status);
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
