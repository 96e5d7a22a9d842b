import { NotebookCell } from './cell-element.ts';
import { KernelStatusElement } from './kernel-status-element.ts';
import { LanguageSwitchElement } from './language-switch-element.ts';
import { NotebookControlsElement } from './notebook-controls-element.ts';
import { prefetchKernelWhenIdle } from './kernel-prefetch.ts';

if (!customElements.get('nb-cell')) customElements.define('nb-cell', NotebookCell);
if (!customElements.get('nb-kernel-status')) customElements.define('nb-kernel-status', KernelStatusElement);
if (!customElements.get('nb-notebook-controls')) customElements.define('nb-notebook-controls', NotebookControlsElement);
if (!customElements.get('nb-language-switch')) customElements.define('nb-language-switch', LanguageSwitchElement);

prefetchKernelWhenIdle();
