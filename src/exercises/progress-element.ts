import { browserStorage } from '../lib/edit-store.ts';
import { createProgressStore, onProgress, progressText } from './progress-store.ts';

/** `<nb-exercise-progress data-exercises="a b">`: how the listed exercises stand, kept up to date. */
export class ExerciseProgressElement extends HTMLElement {
  connectedCallback(): void {
    const store = createProgressStore(browserStorage());
    const ids = (this.dataset['exercises'] ?? '').split(/\s+/).filter(Boolean);
    const show = () => {
      const progress = ids.map((id) => store.load(id));
      this.textContent = progressText(progress);
      this.dataset['solved'] = String(progress.length > 0 && progress.every((item) => item.solved));
    };
    show();
    onProgress(show);
  }
}

if (!customElements.get('nb-exercise-progress')) customElements.define('nb-exercise-progress', ExerciseProgressElement);
