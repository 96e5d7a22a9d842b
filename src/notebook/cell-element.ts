import type { Language } from '../lib/languages.ts';
import { required } from '../lib/required.ts';
import type { CellModel } from './cell-model.ts';
import { CellView } from './cell-view.ts';
import { CodeView } from './code-view.ts';
import type { Notebook } from './notebook.ts';
import { getNotebook } from './page-notebook.ts';
import { ResetUndo } from './reset-undo.ts';
import { startKernelOnIntent } from './run-intent.ts';
import { shareLink } from './share-link.ts';

/** Each model's element, so that a view can hand the focus to the next cell's. */
const views = new WeakMap<CellModel, NotebookCell>();

/**
 * `<nb-cell>`: the view of one cell's model. The server renders everything a reader needs without
 * JavaScript; this element draws the model (its outputs and run state through CellView, its code
 * through a CodeView per language) and sends the reader's intents (run, stop, reset, share) to the
 * page's notebook, which owns the cell and its runs.
 */
export class NotebookCell extends HTMLElement {
  model!: CellModel;
  private notebook!: Notebook;
  private readonly codeViews = new Map<Language, CodeView>();
  private undoReset!: ResetUndo;
  /** Set while this cell's own Reset button resets it. */
  private focusUndo = false;

  /** The side of the cell on screen; a cell without a twin stays in its first language. */
  private get codeView(): CodeView {
    return this.codeViews.get(this.notebook.language) ?? this.codeViews.values().next().value!;
  }

  connectedCallback(): void {
    if (this.model) return;
    this.notebook = getNotebook();
    const model = this.notebook.cell(this.dataset['cellId'] ?? '');
    if (!model) throw new Error(`The notebook has no model for cell ${this.dataset['cellId']}`);
    this.model = model;
    views.set(model, this);
    const view = new CellView(this, model);
    // The server drew the first side's stored output; a page that opens in another language redraws.
    if (model.shown !== model.sides.keys().next().value) view.redraw();
    for (const host of this.querySelectorAll<HTMLElement>('.cell-code[data-language]')) {
      const side = [...model.sides.values()].find((candidate) => candidate.language === host.dataset['language']);
      if (!side) continue;
      this.codeViews.set(
        side.language,
        new CodeView(host, model, side.language, {
          label: `Code of cell ${model.index}`,
          onRun: () => void this.run(),
          onRunAndAdvance: () => {
            void this.run();
            this.focusNext();
          },
          codeAbove: (language) =>
            this.notebook
              .cellsAbove(model)
              .map((cell) => cell.side(language)?.code ?? '')
              .join('\n'),
        }),
      );
    }
    if (this.codeView.side.fromLink) this.scrollIntoView({ block: 'center' });

    const run = required<HTMLButtonElement>(this, '.cell-run');
    run.addEventListener('click', () => void this.run());
    required<HTMLButtonElement>(this, '.cell-reset').addEventListener('click', () => this.reset());
    this.undoReset = new ResetUndo(required<HTMLButtonElement>(this, '.cell-undo'), required<HTMLButtonElement>(this, '.cell-reset'));
    required<HTMLButtonElement>(this, '.cell-stop').addEventListener('click', () => this.notebook.runs.stop(model));
    required<HTMLButtonElement>(this, '.cell-share').addEventListener('click', () => void this.share(view));
    startKernelOnIntent(run, this.notebook);
    this.addEventListener('keydown', (event) => this.onKeydown(event));
    model.onChange((change) => {
      if (change.kind !== 'code') return;
      this.updateBadges();
      this.undoReset.dismiss();
      // A reset from anywhere (this cell's Reset, an exercise's Start over) can be undone here.
      const side = model.sideFor(change.language);
      if (change.reset) {
        this.undoReset.offer(change.reset.replaced, side.original, (code) => model.setCode(side.language, code), this.focusUndo);
      }
    });
    this.notebook.onLanguageChange(() => this.updateBadges());
    this.updateBadges();
  }

  private run(): Promise<void> {
    return this.notebook.runs.run(this.model);
  }

  private onKeydown(event: KeyboardEvent): void {
    // Inside Monaco its own commands handle these keys; here they cover the buttons and the code view.
    if (event.key !== 'Enter' || (event.target instanceof Element && event.target.closest('.monaco-editor'))) return;
    if (event.shiftKey) {
      event.preventDefault();
      void this.run();
      this.focusNext();
    } else if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void this.run();
    }
  }

  /** Copies a link that opens this page with the cell's current code. */
  private async share(view: CellView): Promise<void> {
    const { side, language } = this.codeView;
    const link = shareLink(this.model.id, side.code, language);
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard (permissions, insecure context): the link still goes into the address bar.
    }
    history.replaceState(null, '', link);
    view.setState(copied ? 'link copied' : 'link in the address bar');
  }

  private updateBadges(): void {
    const side = this.codeView.side;
    const modified = side.code !== side.original;
    required<HTMLElement>(this, '.cell-modified').hidden = !modified;
    // Code from a link is shown as such and kept only once the reader edits it.
    required<HTMLElement>(this, '.cell-from-link').hidden = !side.fromLink;
    required<HTMLButtonElement>(this, '.cell-reset').disabled = !modified;
    this.toggleAttribute('data-modified', modified);
  }

  /** Reset pressed: Undo reset takes the focus (Reset itself has just become disabled). */
  private reset(): void {
    this.focusUndo = true;
    try {
      this.notebook.runs.reset(this.model, this.codeView.language);
    } finally {
      this.focusUndo = false;
    }
  }

  private focusNext(): void {
    const next = this.notebook.cellAfter(this.model);
    const view = next && views.get(next);
    if (view) view.focusCode();
    else required<HTMLButtonElement>(this, '.cell-run').focus();
  }

  focusCode(): void {
    this.codeView.focus();
  }

  // Read-only windows onto the model, for the browser tests and anyone scripting the page.
  /** The code a Run would run now: the side on screen, as the reader left it. */
  currentCode(): string {
    return this.codeView.side.code;
  }

  /** The cell's code in `language` ('' when it has no such side). */
  codeIn(language: Language): string {
    return this.model.side(language)?.code ?? '';
  }
}
