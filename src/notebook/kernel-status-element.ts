import { assertNever } from '../lib/assert-never.ts';
import type { KernelStatus } from '../kernel/page/kernel.ts';
import { LANGUAGES } from '../lib/languages.ts';
import { getNotebook } from './page-notebook.ts';

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
    default:
      return assertNever(status.state, 'kernel state');
  }
}

/**
 * The page's kernel status: that of the language on screen (what is loading and how far, then
 * idle or busy), and, once the other language's kernel has started, a word on that one too, so a
 * cell running in the language out of sight is never a mystery.
 */
export class KernelStatusElement extends HTMLElement {
  private readonly unsubscribe: (() => void)[] = [];

  connectedCallback(): void {
    // A kernel that failed to start (offline, most often) gets a fresh start on request.
    this.querySelector('button[data-retry]')?.addEventListener('click', () => getNotebook().kernel.restart());
    for (const language of LANGUAGES) {
      const kernel = getNotebook().kernelFor(language);
      this.unsubscribe.push(kernel.onStatus(() => this.render()));
    }
    this.unsubscribe.push(getNotebook().onLanguageChange(() => this.render()));
    this.render();
  }

  disconnectedCallback(): void {
    for (const stop of this.unsubscribe.splice(0)) stop();
  }

  private render(): void {
    const notebook = getNotebook();
    const kernel = notebook.kernel;
    const { status } = kernel;
    const { label, detail } = describe(kernel.label, status);
    const others = LANGUAGES.map((language) => notebook.kernelFor(language))
      .filter((other) => other !== kernel && other.status.state !== 'not-started')
      .map((other) => describe(other.label, other.status).label);
    this.dataset['state'] = status.state;
    const labelElement = this.querySelector('[data-label]');
    const detailElement = this.querySelector('[data-detail]');
    const otherElement = this.querySelector('[data-other]');
    const progress = this.querySelector('progress');
    const retry = this.querySelector<HTMLButtonElement>('button[data-retry]');
    if (retry) retry.hidden = status.state !== 'dead';
    if (labelElement) labelElement.textContent = label;
    if (detailElement) {
      detailElement.textContent = detail;
      // The line is cut to keep the header one height; the whole text stays a hover away.
      detailElement.setAttribute('title', detail);
    }
    if (otherElement) otherElement.textContent = others.join(' · ');
    if (progress) {
      progress.hidden = status.state !== 'starting';
      progress.max = status.steps || 1;
      progress.value = status.step;
      progress.setAttribute('aria-label', `${kernel.label} loading progress`);
    }
  }
}
