import type { Kernel, KernelStatus } from '../kernel/kernel.ts';
import { onLanguageChange } from './language.ts';
import { getNotebook } from './notebook.ts';

function describe(language: string, status: KernelStatus): { label: string; detail: string } {
  switch (status.state) {
    case 'not-started':
      return { label: `${language}: not started`, detail: 'It starts when you run a cell.' };
    case 'starting':
      return { label: `${language}: loading (${status.step} of ${status.steps})`, detail: status.detail };
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
    // A kernel that failed to start (offline, most often) gets a fresh start on request.
    this.querySelector('button[data-retry]')?.addEventListener('click', () => getNotebook().kernel.restart());
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
    const retry = this.querySelector<HTMLButtonElement>('button[data-retry]');
    if (retry) retry.hidden = status.state !== 'dead';
    if (labelElement) labelElement.textContent = label;
    if (detailElement) {
      detailElement.textContent = detail;
      // The line is cut to keep the header one height; the whole text stays a hover away.
      detailElement.setAttribute('title', detail);
    }
    if (progress) {
      progress.hidden = status.state !== 'starting';
      progress.max = status.steps || 1;
      progress.value = status.step;
    }
  }
}
