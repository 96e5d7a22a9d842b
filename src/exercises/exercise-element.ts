import { browserStorage } from '../lib/edit-store.ts';
import type { Language } from '../lib/languages.ts';
import { required } from '../lib/required.ts';
import type { CellModel } from '../notebook/cell-model.ts';
import type { Notebook } from '../notebook/notebook.ts';
import { getNotebook } from '../notebook/page-notebook.ts';
import type { Feedback } from './checks.ts';
import { createProgressStore } from './progress-store.ts';

const progress = createProgressStore(browserStorage());
/** Past its own limit, a check is given this long before the kernel is stopped from outside. */
const GRACE_SECONDS = 4;

/**
 * An exercise: its cell, Check (on a fresh namespace, in the kernel), hints one at a time, a
 * solution behind its own confirmation, Start over. The checker and the catalog load on the first Check.
 */
export class ExerciseElement extends HTMLElement {
  private hintsShown = 0;
  private checking = false;

  private get exerciseId(): string {
    return this.dataset['exercise'] ?? '';
  }
  private notebook!: Notebook;
  private cell!: CellModel;

  connectedCallback(): void {
    this.notebook = getNotebook();
    const cell = this.notebook.cell(this.dataset['cell'] ?? '');
    if (!cell) throw new Error(`Exercise ${this.exerciseId}: the notebook has no cell ${this.dataset['cell']}`);
    this.cell = cell;

    required<HTMLElement>(this, '.exercise-actions').hidden = false;
    required(this, '.exercise-check').addEventListener('click', () => void this.check());
    required(this, '.exercise-hint').addEventListener('click', () => this.showHint());
    required(this, '.exercise-show-solution').addEventListener('click', () => this.askForSolution());
    required(this, '.exercise-confirm-yes').addEventListener('click', () => this.showSolution());
    required(this, '.exercise-confirm-no').addEventListener('click', () => {
      required<HTMLElement>(this, '.exercise-confirm').hidden = true;
      required<HTMLButtonElement>(this, '.exercise-show-solution').focus();
    });
    required(this, '.exercise-start-over').addEventListener('click', () => this.startOver());
    this.notebook.onLanguageChange(() => this.updateHints());
    this.updateHints();
    if (progress.load(this.exerciseId).solved) this.say('You solved this exercise on an earlier visit.');
  }

  private say(text: string, solved?: boolean): void {
    const feedback = required<HTMLElement>(this, '.exercise-feedback');
    feedback.textContent = text;
    if (solved === undefined) delete feedback.dataset['solved'];
    else feedback.dataset['solved'] = String(solved);
  }

  private hintItems(): HTMLLIElement[] {
    return [...this.querySelectorAll<HTMLLIElement>(`.exercise-hints[data-for-language="${this.notebook.language}"] li`)];
  }

  private updateHints(): void {
    for (const item of this.querySelectorAll<HTMLLIElement>('.exercise-hints li')) {
      const list = [...(item.parentElement?.children ?? [])];
      item.hidden = list.indexOf(item) >= this.hintsShown;
    }
    const hint = required<HTMLButtonElement>(this, '.exercise-hint');
    const left = this.hintItems().length - this.hintsShown;
    hint.disabled = left <= 0;
    hint.title = left > 0 ? `${left} hint${left === 1 ? '' : 's'} left` : 'No more hints';
  }

  private showHint(): void {
    this.hintsShown = Math.min(this.hintsShown + 1, this.hintItems().length);
    this.updateHints();
  }

  private askForSolution(): void {
    const confirm = required<HTMLElement>(this, '.exercise-confirm');
    confirm.hidden = false;
    required<HTMLButtonElement>(confirm, '.exercise-confirm-yes').focus();
  }

  private showSolution(): void {
    const language = this.notebook.language;
    const solutions = JSON.parse(this.dataset['solutions'] ?? '{}') as Partial<Record<Language, string>>;
    this.cell.setCode(language, solutions[language] ?? '');
    required<HTMLElement>(this, '.exercise-confirm').hidden = true;
    this.say('The solution is in the cell now: read it, run it, change it, or Check it.');
    required<HTMLButtonElement>(this, '.exercise-check').focus();
  }

  private startOver(): void {
    this.notebook.runs.reset(this.cell, this.notebook.language);
    this.hintsShown = 0;
    this.updateHints();
    required<HTMLElement>(this, '.exercise-confirm').hidden = true;
    this.say('');
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    const button = required<HTMLButtonElement>(this, '.exercise-check');
    button.disabled = true;
    this.setAttribute('aria-busy', 'true');
    this.say('Checking…');
    const language = this.notebook.language;
    const source = this.cell.side(language)?.code ?? '';
    const limit = Number(this.dataset['limit'] ?? 3);
    let feedback: Feedback;
    try {
      const { checkOnPage } = await import('./check-on-page.ts');
      feedback = await checkOnPage(this.exerciseId, language, source, (limit + GRACE_SECONDS) * 1000);
    } catch (error) {
      feedback = { solved: false, summary: `Not checked: ${String(error)}`, results: [] };
    } finally {
      this.checking = false;
      button.disabled = false;
      this.setAttribute('aria-busy', 'false');
    }
    if (!feedback.summary.startsWith('Not checked')) progress.record(this.exerciseId, feedback.solved);
    this.say(feedback.summary, feedback.solved);
  }
}

if (!customElements.get('nb-exercise')) customElements.define('nb-exercise', ExerciseElement);
