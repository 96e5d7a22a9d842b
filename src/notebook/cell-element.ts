import type { CellEditor } from '../editor/cell-editor.ts';
import { debounce } from '../lib/debounce.ts';
import { browserStorage, createEditStore, type SaveResult } from '../lib/edit-store.ts';
import { createOutputPane, type OutputPane } from '../output/output-pane.ts';
import { cellsAbove, type CellHandle } from './cells.ts';
import { showRestartNotice } from './kernel-notice.ts';
import { currentLanguage, onLanguageChange, type Language } from './language.ts';
import { getNotebook } from './notebook.ts';
import type { QueuedJob } from './run-queue.ts';
import { codeFromLink, shareLink } from './share-link.ts';
import { showStorageNotice } from './storage-notice.ts';

const store = createEditStore(browserStorage());
const SAVE_DELAY_MS = 300;

let persistenceAsked = false;
/** Asks once that the browser not evict the reader's edits under storage pressure. */
function requestPersistence(): void {
  if (persistenceAsked) return;
  persistenceAsked = true;
  void navigator.storage?.persist?.().catch(() => false);
}

function required<T extends Element>(root: Element, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`<nb-cell> is missing ${selector}`);
  return element;
}

function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** One language's side of a cell: its code view, the original and current code, its editor. */
interface CodeView {
  language: Language;
  host: HTMLElement;
  original: string;
  code: string;
  /** Key of the reader's saved edit: the cell id, with `.ts` for the TypeScript twin. */
  storageKey: string;
  /** The output stored with this side of the cell, shown until the reader runs it. */
  stored: string;
  editor?: CellEditor;
  editorLoading?: Promise<CellEditor | undefined>;
  fromLink: boolean;
}

/**
 * A notebook cell. The server renders everything a reader needs without JavaScript; this element
 * adds running, editing (Monaco, loaded on the first edit), keeping the reader's edits, and the
 * switch between the Python cell and its TypeScript twin.
 */
export class NotebookCell extends HTMLElement implements CellHandle {
  private readonly views = new Map<Language, CodeView>();
  private pane!: OutputPane;
  private job: QueuedJob<unknown> | undefined;
  /** The language whose output the pane shows. */
  private shownLanguage: Language = 'python';
  private readonly saveSoon = debounce((view: CodeView, code: string) => this.save(view, code), SAVE_DELAY_MS);

  get chapter(): string {
    return this.dataset['chapter'] ?? '';
  }
  get cellId(): string {
    return this.dataset['cellId'] ?? '';
  }
  get index(): string {
    return this.dataset['index'] ?? '?';
  }

  /** The side of the cell on screen; a cell without a twin stays in Python. */
  private get view(): CodeView {
    return this.views.get(currentLanguage()) ?? this.views.get('python')!;
  }

  connectedCallback(): void {
    const log = required<HTMLElement>(this, '[role="log"]');
    for (const host of this.querySelectorAll<HTMLElement>('.cell-code[data-language]')) {
      const language = host.dataset['language'] as Language;
      const storageKey = language === 'python' ? this.cellId : `${this.cellId}.ts`;
      // The highlighted code's text is the original source: the browser has decoded it for us.
      const original = host.querySelector('pre')?.textContent ?? '';
      const linked = codeFromLink(this.cellId, language);
      const code = linked ?? store.load(this.chapter, storageKey) ?? original;
      const stored = language === 'python' ? (log.textContent ?? '') : (this.dataset['tsOutput'] ?? '');
      const view: CodeView = { language, host, original, code, storageKey, stored, fromLink: linked !== undefined };
      this.views.set(language, view);
      if (code !== original) this.showPlainCode(view);
      host.addEventListener('focus', () => void this.openEditor(view, true));
      host.addEventListener('pointerdown', () => void this.openEditor(view, true));
    }
    this.pane = createOutputPane(log);
    if (this.view.fromLink) this.scrollIntoView({ block: 'center' });

    const run = required<HTMLButtonElement>(this, '.cell-run');
    run.addEventListener('click', () => void this.run());
    required<HTMLButtonElement>(this, '.cell-reset').addEventListener('click', () => this.reset());
    required<HTMLButtonElement>(this, '.cell-stop').addEventListener('click', () => this.stop());
    required<HTMLButtonElement>(this, '.cell-share').addEventListener('click', () => void this.share());
    // Intent to run: the kernel starts loading while the reader's finger is on its way.
    for (const type of ['pointerenter', 'focus', 'pointerdown'] as const) {
      run.addEventListener(type, () => getNotebook().kernel.start());
    }
    this.addEventListener('keydown', (event) => this.onKeydown(event));
    window.addEventListener('pagehide', () => this.saveSoon.flush());
    onLanguageChange(() => this.showLanguage());
    this.showLanguage();
  }

  /** Shows the side of the cell for the page's language, with that side's stored output. */
  private showLanguage(): void {
    const view = this.view;
    this.updateBadges();
    if (view.language === this.shownLanguage || this.job) return;
    this.shownLanguage = view.language;
    this.pane.clear();
    this.pane.append({ output_type: 'stream', name: 'stdout', text: view.stored });
    this.pane.flush();
    this.classList.toggle('has-stored-output', view.stored !== '');
    this.setCount(' ');
    this.setState('');
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

  private showPlainCode(view: CodeView): void {
    const pre = required<HTMLElement>(view.host, 'pre');
    (pre.querySelector('code') ?? pre).textContent = view.code;
  }

  private openEditor(view: CodeView, focus: boolean): Promise<CellEditor | undefined> {
    view.editorLoading ??= this.loadEditor(view);
    return view.editorLoading.then((editor) => {
      if (focus) editor?.focus();
      return editor;
    });
  }

  private async loadEditor(view: CodeView): Promise<CellEditor | undefined> {
    const host = view.host;
    host.classList.add('is-loading-editor');
    try {
      const { createCellEditor } = await import('../editor/cell-editor.ts');
      const staticCode = required<HTMLElement>(host, 'pre');
      const mount = document.createElement('div');
      mount.className = 'cell-editor';
      // Keep the static code's height until Monaco has laid out, so the page does not jump.
      mount.style.height = `${staticCode.offsetHeight}px`;
      host.append(mount);
      const editor = await createCellEditor(mount, {
        code: view.code,
        language: view.language,
        label: `Code of cell ${this.index}`,
        onChange: (code) => this.onEdit(view, code),
        onRun: () => void this.run(),
        onRunAndAdvance: () => {
          void this.run();
          this.focusNext();
        },
        onLeave: () => required<HTMLButtonElement>(this, '.cell-run').focus(),
        codeAbove: () =>
          cellsAbove(this)
            .map((cell) => cell.codeIn(view.language))
            .join('\n'),
        scrollbarHeight: staticCode.offsetHeight - staticCode.clientHeight,
      });
      staticCode.hidden = true;
      host.removeAttribute('tabindex');
      host.classList.add('has-editor');
      view.editor = editor;
      return editor;
    } catch (error) {
      console.warn('The editor could not load', error);
      return undefined;
    } finally {
      host.classList.remove('is-loading-editor');
    }
  }

  /** Copies a link that opens this page with the cell's current code. */
  private async share(): Promise<void> {
    const link = shareLink(this.cellId, this.currentCode(), this.view.language);
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard (permissions, insecure context): the link still goes into the address bar.
    }
    history.replaceState(null, '', link);
    this.setState(copied ? 'link copied' : 'link in the address bar');
  }

  private onEdit(view: CodeView, code: string): void {
    view.code = code;
    view.fromLink = false;
    this.updateBadges();
    this.saveSoon(view, code);
  }

  private save(view: CodeView, code: string): void {
    requestPersistence();
    let result: SaveResult = 'saved';
    if (code === view.original) store.remove(this.chapter, view.storageKey);
    else result = store.save(this.chapter, view.storageKey, code);
    if (result !== 'saved') showStorageNotice(result);
  }

  private updateBadges(): void {
    const view = this.view;
    const modified = view.code !== view.original;
    required<HTMLElement>(this, '.cell-modified').hidden = !modified;
    // Code from a link is shown as such and kept only once the reader edits it.
    required<HTMLElement>(this, '.cell-from-link').hidden = !view.fromLink;
    required<HTMLButtonElement>(this, '.cell-reset').disabled = !modified;
    this.toggleAttribute('data-modified', modified);
  }

  reset(): void {
    const view = this.view;
    view.code = view.original;
    view.fromLink = false;
    this.saveSoon.flush();
    store.remove(this.chapter, view.storageKey);
    if (view.editor) view.editor.setCode(view.original);
    else this.showPlainCode(view);
    this.updateBadges();
  }

  private focusNext(): void {
    const cells = [...document.querySelectorAll('nb-cell')];
    const next = cells[cells.indexOf(this) + 1];
    if (next instanceof NotebookCell) next.focusCode();
    else required<HTMLButtonElement>(this, '.cell-run').focus();
  }

  focusCode(): void {
    const view = this.view;
    if (view.editor) view.editor.focus();
    else view.host.focus();
  }

  private setState(text: string): void {
    required(this, '.cell-state').textContent = text;
  }

  private setCount(count: string): void {
    required(this, '.cell-count').textContent = `[${count}]`;
  }

  /** The cell's current code in `language` ('' when it has no such side). */
  codeIn(language: Language): string {
    const view = this.views.get(language);
    return view ? (view.editor?.getCode() ?? view.code) : '';
  }

  // --- Exercises (issue 12): an exercise puts its solution into its own cell. ---
  /** Replaces the cell's code in `language` as if the reader had typed it: shown, marked modified, saved. */
  setCode(language: Language, code: string): void {
    const view = this.views.get(language);
    if (!view) return;
    if (view.editor) view.editor.setCode(code);
    else {
      view.code = code;
      this.showPlainCode(view);
    }
    this.onEdit(view, code);
  }
  // --- end of the exercises' addition ---

  /** The code the cell would run now: the reader's edit, or the original. */
  currentCode(): string {
    const view = this.view;
    return view.editor?.getCode() ?? view.code;
  }

  /** Takes the cell out of the queue if it has not started. */
  cancelIfWaiting(): boolean {
    return this.job?.state === 'waiting' && this.job.cancel();
  }

  /** Stop: a waiting cell leaves the queue; a running one is interrupted (or the kernel restarts). */
  stop(): void {
    if (this.cancelIfWaiting() || this.job?.state !== 'running') return;
    const kernel = getNotebook().kernelFor(this.shownLanguage);
    if (kernel.interrupt() === 'restarted') showRestartNotice(this, kernel.language);
  }

  clearOutput(): void {
    if (this.job) return;
    this.pane.clear();
    this.classList.remove('has-stored-output');
    this.setCount(' ');
    this.setState('');
  }

  private setBusy(busy: boolean): void {
    this.setAttribute('aria-busy', String(busy));
    required<HTMLButtonElement>(this, '.cell-stop').hidden = !busy;
  }

  /** Queues the cell's current code on its language's kernel; resolves when it has run (or left the queue). */
  async run(): Promise<void> {
    if (this.job) return this.job.result.then(() => undefined);
    const notebook = getNotebook();
    const language = this.view.language;
    const kernel = notebook.kernelFor(language);
    const code = this.currentCode();
    kernel.start();
    this.shownLanguage = language;
    this.setBusy(true);
    this.setCount('*');
    this.setState(notebook.queue.busy ? 'waiting' : 'running');
    let started = 0;
    const job = notebook.queue.enqueue(
      () =>
        kernel.run({
          code,
          filename: `Cell ${this.index}`,
          executionCount: Number(this.dataset['count']),
          onOutput: (output) => this.pane.append(output),
        }),
      () => {
        const count = notebook.nextExecutionCount();
        this.dataset['count'] = String(count);
        this.pane.clear();
        this.classList.remove('has-stored-output');
        this.setState('running');
        started = performance.now();
      },
    );
    this.job = job;
    try {
      await job.result;
    } finally {
      this.job = undefined;
      if (job.state === 'cancelled') {
        this.setCount(this.dataset['count'] ?? ' ');
        this.setState('not run');
      } else {
        this.pane.finish();
        this.setCount(this.dataset['count'] ?? ' ');
        this.setState(formatElapsed(performance.now() - started));
      }
      this.setBusy(false);
    }
  }
}
