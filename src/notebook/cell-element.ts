import { whenLoaded, type RunHandle } from '../kernel/page/kernel.ts';
import type { Output, RunStatus } from '../kernel/protocol.ts';
import { CellModel } from './cell-model.ts';
import { CellView } from './cell-view.ts';
import { cellsAbove, type CellHandle } from './cells.ts';
import { required } from '../lib/required.ts';
import { CodeView, readSide } from './code-view.ts';
import { noteStop } from './kernel-notice.ts';
import { ResetUndo } from './reset-undo.ts';
import { startKernelOnIntent } from './run-intent.ts';
import { currentLanguage, onLanguageChange, type Language } from './language.ts';
import { getNotebook, type QueuedRun } from './notebook.ts';
import { shareLink } from './share-link.ts';

function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A notebook cell. The server renders everything a reader needs without JavaScript; this element
 * builds the cell's model from it and wires the buttons, the keyboard, the code views and the run.
 * A run outlives its last line: work it left on the loop keeps printing here until it is done,
 * stopped, or replaced by the next run of this cell.
 */
export class NotebookCell extends HTMLElement implements CellHandle {
  model!: CellModel;
  private view!: CellView;
  private readonly codeViews = new Map<Language, CodeView>();
  private queued: QueuedRun | undefined;
  /** The last run's kernel side, kept while its work may still print. */
  private lastRun: RunHandle | undefined;
  private undoReset!: ResetUndo;

  get index(): string {
    return this.dataset['index'] ?? '?';
  }

  /** The side of the cell on screen; a cell without a twin stays in Python. */
  private get codeView(): CodeView {
    return this.codeViews.get(currentLanguage()) ?? this.codeViews.values().next().value!;
  }

  connectedCallback(): void {
    const chapter = this.dataset['chapter'] ?? '';
    const id = this.dataset['cellId'] ?? '';
    const log = required<HTMLElement>(this, '[role="log"]');
    const hosts = [...this.querySelectorAll<HTMLElement>('.cell-code[data-language]')];
    const sides = hosts.map((host, i) => readSide({ chapter, id }, host, i === 0 ? (log.textContent ?? '') : (this.dataset['tsOutput'] ?? '')));
    this.model = new CellModel(chapter, id, this.index, sides);
    this.view = new CellView(this, this.model);
    for (const host of hosts) {
      const language = host.dataset['language'] as Language;
      this.codeViews.set(
        language,
        new CodeView(host, this.model, language, {
          label: `Code of cell ${this.index}`,
          onRun: () => void this.run(),
          onRunAndAdvance: () => {
            void this.run();
            this.focusNext();
          },
          codeAbove: (lang) =>
            cellsAbove(this)
              .map((cell) => cell.codeIn(lang))
              .join('\n'),
        }),
      );
    }
    if (this.codeView.side.fromLink) this.scrollIntoView({ block: 'center' });

    const run = required<HTMLButtonElement>(this, '.cell-run');
    run.addEventListener('click', () => void this.run());
    required<HTMLButtonElement>(this, '.cell-reset').addEventListener('click', () => this.reset({ focusUndo: true }));
    this.undoReset = new ResetUndo(required<HTMLButtonElement>(this, '.cell-undo'), required<HTMLButtonElement>(this, '.cell-reset'));
    required<HTMLButtonElement>(this, '.cell-stop').addEventListener('click', () => this.stop());
    required<HTMLButtonElement>(this, '.cell-share').addEventListener('click', () => void this.share());
    startKernelOnIntent(run);
    this.addEventListener('keydown', (event) => this.onKeydown(event));
    this.model.onChange((change) => {
      if (change.kind !== 'code') return;
      this.updateBadges();
      this.undoReset.dismiss();
    });
    onLanguageChange(() => this.showLanguage());
    this.showLanguage();
  }

  /** Shows the side of the cell for the page's language, with what that side printed (or its stored output). */
  private showLanguage(): void {
    this.updateBadges();
    const language = this.codeView.language;
    if (language === this.model.shown || this.queued) return;
    this.model.shown = language;
    this.view.redraw();
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
  private async share(): Promise<void> {
    const link = shareLink(this.model.id, this.currentCode(), this.codeView.language);
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard (permissions, insecure context): the link still goes into the address bar.
    }
    history.replaceState(null, '', link);
    this.view.setState(copied ? 'link copied' : 'link in the address bar');
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

  /** Back to the chapter's code, with an Undo reset offered (and focused when Reset was pressed). */
  reset({ focusUndo = false } = {}): void {
    this.cancelPendingWork('');
    const side = this.codeView;
    const replaced = side.reset();
    this.undoReset.offer(replaced, side.side.original, (code) => side.replace(code), focusUndo);
  }

  private focusNext(): void {
    const cells = [...document.querySelectorAll('nb-cell')];
    const next = cells[cells.indexOf(this) + 1];
    if (next instanceof NotebookCell) next.focusCode();
    else required<HTMLButtonElement>(this, '.cell-run').focus();
  }

  focusCode(): void {
    this.codeView.focus();
  }

  /** The cell's current code in `language` ('' when it has no such side). */
  codeIn(language: Language): string {
    return this.codeViews.get(language)?.currentCode() ?? '';
  }

  /** What the reader sees as this side's output: `undefined` until they ran it (the stored one shows). */
  outputsIn(language: Language): readonly Output[] | undefined {
    return this.model.side(language)?.outputs;
  }

  // --- Exercises (issue 12): an exercise puts its solution into its own cell. ---
  /** Replaces the cell's code in `language` as if the reader had typed it: shown, marked modified, saved. */
  setCode(language: Language, code: string): void {
    this.codeViews.get(language)?.replace(code);
  }
  // --- end of the exercises' addition ---

  /** The code the cell would run now: the reader's edit, or the original. */
  currentCode(): string {
    return this.codeView.currentCode();
  }

  get running(): boolean {
    return this.queued?.job.state === 'running';
  }

  /** Takes the cell out of the queue if it has not started. */
  cancelIfWaiting(): boolean {
    return this.queued?.job.state === 'waiting' && this.queued.job.cancel();
  }

  /** Cancels what the last run left on the loop, saying so in `note`. */
  private cancelPendingWork(note: string): void {
    const had = this.model.hasPendingWork;
    this.lastRun?.cancel();
    this.lastRun = undefined;
    if (had) this.model.setRun({ pending: { tasks: 0, timers: 0 }, note: note || this.model.note });
  }

  /**
   * Stop: a waiting cell leaves the queue; running code is interrupted (or its kernel restarts);
   * a cell whose code has ended but left work on the loop has that work cancelled.
   */
  stop(): void {
    if (this.cancelIfWaiting()) return;
    if (this.queued?.job.state === 'running') {
      const kernel = getNotebook().kernelFor(this.model.shown);
      noteStop(this, kernel);
      kernel.interrupt();
      return;
    }
    this.cancelPendingWork('pending work cancelled');
  }

  clearOutput(): void {
    if (this.queued) return;
    this.model.clearOutputs();
  }

  /** Queues the cell's current code on its language's kernel; resolves when it has run (or left the queue). */
  async run(): Promise<void> {
    if (this.queued) return this.queued.job.result.then(() => undefined);
    const notebook = getNotebook();
    const language = this.codeView.language;
    // Running again replaces the earlier run: what it left on the loop goes first.
    this.cancelPendingWork('');
    this.model.setRun({ phase: notebook.queue.busy ? 'waiting' : 'running', note: '' });
    let started = 0;
    const trace = this.model.traceRuns;
    const queued = notebook.queueRun(
      { language, code: this.currentCode(), filename: `Cell ${this.index}`, trace },
      {
        output: (message) => this.model.apply(message),
        pending: (work) => this.model.setRun({ pending: work }),
        trace: (steps) => this.model.addTrace(steps),
      },
      () => {
        const count = notebook.nextExecutionCount();
        this.model.startOutputs(language, trace);
        this.model.setRun({ phase: 'running', executionCount: count });
        started = performance.now();
        whenLoaded(notebook.kernelFor(language), () => (started = performance.now()));
        return count;
      },
    );
    this.queued = queued;
    let status: RunStatus | undefined;
    try {
      status = await queued.job.result;
    } finally {
      this.queued = undefined;
      this.lastRun = queued.handle;
      this.view.finish();
      const note = status === undefined ? 'not run' : formatElapsed(performance.now() - started);
      this.model.setRun({ phase: 'idle', note });
    }
  }
}
