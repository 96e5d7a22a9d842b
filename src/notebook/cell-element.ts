import type { CellEditor } from '../editor/cell-editor.ts';
import { debounce } from '../lib/debounce.ts';
import { browserStorage, createEditStore, type SaveResult } from '../lib/edit-store.ts';
import { createOutputPane, type OutputPane } from '../output/output-pane.ts';
import type { CellHandle } from './cells.ts';
import { showRestartNotice } from './kernel-notice.ts';
import { getNotebook } from './notebook.ts';
import type { QueuedJob } from './run-queue.ts';
import { codeFromLink, shareLink } from './share-link.ts';
import { showStorageNotice } from './storage-notice.ts';

const store = createEditStore(browserStorage());

let persistenceAsked = false;
/** Asks once that the browser not evict the reader's edits under storage pressure. */
function requestPersistence(): void {
  if (persistenceAsked) return;
  persistenceAsked = true;
  void navigator.storage?.persist?.().catch(() => false);
}
const SAVE_DELAY_MS = 300;

function required<T extends Element>(root: Element, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`<nb-cell> is missing ${selector}`);
  return element;
}

function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A notebook cell. The server renders everything a reader needs without JavaScript; this element
 * adds running, editing (Monaco, loaded on the first edit) and keeping the reader's edits.
 */
export class NotebookCell extends HTMLElement implements CellHandle {
  private original = '';
  private code = '';
  private editor: CellEditor | undefined;
  private editorLoading: Promise<CellEditor | undefined> | undefined;
  private pane!: OutputPane;
  private job: QueuedJob<unknown> | undefined;
  private readonly saveSoon = debounce((code: string) => this.save(code), SAVE_DELAY_MS);

  get chapter(): string {
    return this.dataset['chapter'] ?? '';
  }
  get cellId(): string {
    return this.dataset['cellId'] ?? '';
  }
  get index(): string {
    return this.dataset['index'] ?? '?';
  }

  private get codeHost(): HTMLElement {
    return required(this, '.cell-code');
  }
  private get staticCode(): HTMLElement {
    return required(this, '.cell-code pre');
  }

  connectedCallback(): void {
    // The highlighted code's text is the original source: the browser has decoded it for us.
    this.original = this.staticCode.textContent ?? '';
    const linked = codeFromLink(this.cellId);
    this.code = linked ?? store.load(this.chapter, this.cellId) ?? this.original;
    if (this.code !== this.original) this.showPlainCode(this.code);
    // Code from a link is shown as such and kept only once the reader edits it.
    required<HTMLElement>(this, '.cell-from-link').hidden = linked === undefined;
    if (linked !== undefined) this.scrollIntoView({ block: 'center' });
    this.pane = createOutputPane(required(this, '[role="log"]'));
    this.updateModified();

    const run = required<HTMLButtonElement>(this, '.cell-run');
    const reset = required<HTMLButtonElement>(this, '.cell-reset');
    run.addEventListener('click', () => void this.run());
    reset.addEventListener('click', () => this.reset());
    required<HTMLButtonElement>(this, '.cell-stop').addEventListener('click', () => this.stop());
    required<HTMLButtonElement>(this, '.cell-share').addEventListener('click', () => void this.share());
    // Intent to run: the kernel starts loading while the reader's finger is on its way.
    for (const type of ['pointerenter', 'focus', 'pointerdown'] as const) {
      run.addEventListener(type, () => getNotebook().kernel.start(), { once: true });
    }
    const host = this.codeHost;
    host.addEventListener('focus', () => void this.openEditor(true));
    host.addEventListener('pointerdown', () => void this.openEditor(true));
    this.addEventListener('keydown', (event) => this.onKeydown(event));
    window.addEventListener('pagehide', () => this.saveSoon.flush());
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

  private showPlainCode(code: string): void {
    const pre = this.staticCode;
    const codeElement = pre.querySelector('code') ?? pre;
    codeElement.textContent = code;
  }

  private openEditor(focus: boolean): Promise<CellEditor | undefined> {
    if (this.editor) {
      if (focus) this.editor.focus();
      return Promise.resolve(this.editor);
    }
    this.editorLoading ??= this.loadEditor();
    return this.editorLoading.then((editor) => {
      if (focus) editor?.focus();
      return editor;
    });
  }

  private async loadEditor(): Promise<CellEditor | undefined> {
    const host = this.codeHost;
    host.classList.add('is-loading-editor');
    try {
      const { createCellEditor } = await import('../editor/cell-editor.ts');
      const mount = document.createElement('div');
      mount.className = 'cell-editor';
      const staticCode = this.staticCode;
      // Keep the static code's height until Monaco has laid out, so the page does not jump.
      mount.style.height = `${staticCode.offsetHeight}px`;
      host.append(mount);
      const editor = await createCellEditor(mount, {
        code: this.code,
        label: `Code of cell ${this.index}`,
        onChange: (code) => this.onEdit(code),
        onRun: () => void this.run(),
        onRunAndAdvance: () => {
          void this.run();
          this.focusNext();
        },
        onLeave: () => required<HTMLButtonElement>(this, '.cell-run').focus(),
        scrollbarHeight: staticCode.offsetHeight - staticCode.clientHeight,
      });
      staticCode.hidden = true;
      host.removeAttribute('tabindex');
      host.classList.add('has-editor');
      this.editor = editor;
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
    const link = shareLink(this.cellId, this.currentCode());
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

  private onEdit(code: string): void {
    this.code = code;
    required<HTMLElement>(this, '.cell-from-link').hidden = true;
    this.updateModified();
    this.saveSoon(code);
  }

  private save(code: string): void {
    requestPersistence();
    let result: SaveResult = 'saved';
    if (code === this.original) store.remove(this.chapter, this.cellId);
    else result = store.save(this.chapter, this.cellId, code);
    if (result !== 'saved') showStorageNotice(result);
  }

  private updateModified(): void {
    const modified = this.code !== this.original;
    required<HTMLElement>(this, '.cell-modified').hidden = !modified;
    required<HTMLButtonElement>(this, '.cell-reset').disabled = !modified;
    this.toggleAttribute('data-modified', modified);
  }

  reset(): void {
    this.code = this.original;
    this.saveSoon.flush();
    store.remove(this.chapter, this.cellId);
    if (this.editor) this.editor.setCode(this.original);
    else this.showPlainCode(this.original);
    this.updateModified();
  }

  private focusNext(): void {
    const cells = [...document.querySelectorAll('nb-cell')];
    const next = cells[cells.indexOf(this) + 1];
    if (next instanceof NotebookCell) next.focusCode();
    else required<HTMLButtonElement>(this, '.cell-run').focus();
  }

  focusCode(): void {
    if (this.editor) this.editor.focus();
    else this.codeHost.focus();
  }

  private setState(text: string): void {
    required(this, '.cell-state').textContent = text;
  }

  private setCount(count: string): void {
    required(this, '.cell-count').textContent = `[${count}]`;
  }

  /** The code the cell would run now: the reader's edit, or the original. */
  currentCode(): string {
    return this.editor?.getCode() ?? this.code;
  }

  /** Takes the cell out of the queue if it has not started. */
  cancelIfWaiting(): boolean {
    return this.job?.state === 'waiting' && this.job.cancel();
  }

  /** Stop: a waiting cell leaves the queue; a running one is interrupted (or the kernel restarts). */
  stop(): void {
    if (this.cancelIfWaiting() || this.job?.state !== 'running') return;
    if (getNotebook().kernel.interrupt() === 'restarted') showRestartNotice(this);
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

  /** Queues the cell's current code on the page's kernel; resolves when it has run (or left the queue). */
  async run(): Promise<void> {
    if (this.job) return this.job.result.then(() => undefined);
    const notebook = getNotebook();
    const code = this.currentCode();
    notebook.kernel.start();
    this.setBusy(true);
    this.setCount('*');
    this.setState(notebook.queue.busy ? 'waiting' : 'running');
    let started = 0;
    const job = notebook.queue.enqueue(
      () =>
        notebook.kernel.run({
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
