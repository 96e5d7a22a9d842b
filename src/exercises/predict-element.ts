import { getNotebook } from '../notebook/page-notebook.ts';
import { judgePrediction, START, type PredictChoice, type PredictState } from './predict-model.ts';

/**
 * `<nb-predict>`: hides the stored output of the cell it belongs to until the reader has predicted
 * its order (or run the cell, or used up the tries). Without JavaScript the output simply shows.
 */
export class PredictElement extends HTMLElement {
  private state: PredictState = START;

  private get cell(): HTMLElement | null {
    return document.getElementById(this.dataset['cell'] ?? '');
  }

  connectedCallback(): void {
    const cell = this.cell;
    const submit = this.querySelector<HTMLButtonElement>('.predict-submit');
    if (!cell || !submit) return;
    cell.classList.add('awaiting-prediction');
    submit.hidden = false;
    submit.addEventListener('click', () => this.judge());
    // A reader who runs the cell instead of predicting sees its output as usual.
    const model = getNotebook().cell(this.dataset['forCell'] ?? '');
    model?.onChange((change) => {
      if (change.kind === 'run' && model.phase !== 'idle') this.reveal();
    });
  }

  private reveal(): void {
    this.cell?.classList.remove('awaiting-prediction');
  }

  private judge(): void {
    const chosen = this.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    const feedback = this.querySelector<HTMLElement>('.predict-feedback');
    if (!feedback) return;
    if (!chosen) {
      feedback.textContent = 'Choose one of the orders first.';
      return;
    }
    const answer = JSON.parse(this.dataset['answer'] ?? '[]') as string[];
    const lines = JSON.parse(chosen.dataset['lines'] ?? 'null') as string[] | null;
    const choice: PredictChoice = { lines, correct: lines !== null && lines.join('\n') === answer.join('\n') };
    const result = judgePrediction(this.state, choice, answer);
    this.state = result.state;
    if (result.message) feedback.textContent = result.message;
    if (this.state.outcome === 'open') return;
    for (const input of this.querySelectorAll<HTMLInputElement>('input[type="radio"]')) input.disabled = true;
    this.querySelector<HTMLButtonElement>('.predict-submit')!.disabled = true;
    this.dataset['outcome'] = this.state.outcome;
    // The loop view (another issue) can take this link over: it names the cell to step through.
    if (this.state.outcome === 'revealed') this.querySelector<HTMLElement>('.predict-loop-view')!.hidden = false;
    this.reveal();
  }
}

if (!customElements.get('nb-predict')) customElements.define('nb-predict', PredictElement);
