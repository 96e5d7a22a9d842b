import type { CellEditor } from '../editor/cell-editor.ts';
import { required } from '../lib/required.ts';
import { debounce } from '../lib/debounce.ts';
import { browserStorage, createEditStore, type SaveResult } from '../lib/edit-store.ts';
import type { CellModel, CellSide } from './cell-model.ts';
import { LANGUAGE_TABLE, type Language } from './language.ts';
import { codeFromLink } from './share-link.ts';
import { showStorageNotice } from './storage-notice.ts';
import { caretInText } from './caret-in-text.ts';

const store = createEditStore(browserStorage());
const SAVE_DELAY_MS = 300;

let persistenceAsked = false;
/** Asks once that the browser not evict the reader's edits under storage pressure. */
function requestPersistence(): void {
  if (persistenceAsked) return;
  persistenceAsked = true;
  void navigator.storage?.persist?.().catch(() => false);
}

export interface EditorHooks {
  label: string;
  onRun(): void;
  onRunAndAdvance(): void;
  codeAbove(language: Language): string;
}

/** Reads one side of a cell from the server-rendered code block: original, saved edit or linked code. */
export function readSide(model: { chapter: string; id: string }, host: HTMLElement, stored: string): CellSide {
  const language = host.dataset['language'] as Language;
  // The highlighted code's text is the original source: the browser has decoded it for us.
  const original = host.querySelector('pre')?.textContent ?? '';
  const linked = codeFromLink(model.id, language);
  const code = linked ?? store.load(model.chapter, storageKey(model.id, language)) ?? original;
  return { language, original, code, fromLink: linked !== undefined, stored, outputs: undefined };
}

const storageKey = (cellId: string, language: Language) => `${cellId}${LANGUAGE_TABLE[language].storageSuffix}`;

/**
 * One language's code block in a cell: the highlighted code from the server, then Monaco on the
 * first click or focus. Edits go to the model and, a moment later, to the reader's storage.
 */
export class CodeView {
  editor: CellEditor | undefined;
  private editorLoading: Promise<CellEditor | undefined> | undefined;
  private readonly saveSoon = debounce((code: string) => this.save(code), SAVE_DELAY_MS);

  constructor(
    readonly host: HTMLElement,
    private readonly model: CellModel,
    readonly language: Language,
    private readonly hooks: EditorHooks,
  ) {
    if (this.side.code !== this.side.original) this.showPlainCode();
    // issue 9, Jupyter's two modes: Tab stops on the code without editing it; Enter starts editing,
    // and a click does, with the caret where it landed.
    host.addEventListener('keydown', (event) => {
      if (event.target !== host || event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      void this.openEditor(true);
    });
    host.addEventListener('pointerdown', (event) => {
      if (this.editor) return;
      const pre = host.querySelector('pre');
      const caret = pre ? caretInText(pre, event.clientX, event.clientY) : undefined;
      void this.openEditor(true).then((editor) => caret && editor?.placeCaret(caret));
    });
    window.addEventListener('pagehide', () => this.saveSoon.flush());
  }

  get side(): CellSide {
    return this.model.side(this.language)!;
  }

  /** The code as it is now in the editor (or the model, before the editor loads). */
  currentCode(): string {
    return this.editor?.getCode() ?? this.side.code;
  }

  focus(): void {
    if (this.editor) this.editor.focus();
    else this.host.focus();
  }

  private showPlainCode(): void {
    const pre = required<HTMLElement>(this.host, 'pre');
    (pre.querySelector('code') ?? pre).textContent = this.side.code;
  }

  openEditor(focus: boolean): Promise<CellEditor | undefined> {
    this.editorLoading ??= this.loadEditor();
    return this.editorLoading.then((editor) => {
      // Only if the reader is still here: focus never jumps back after they moved on while it loaded.
      if (focus && this.host.contains(document.activeElement)) editor?.focus();
      return editor;
    });
  }

  private async loadEditor(): Promise<CellEditor | undefined> {
    const host = this.host;
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
        code: this.side.code,
        language: this.language,
        label: this.hooks.label,
        onChange: (code) => this.onEdit(code),
        onRun: this.hooks.onRun,
        onRunAndAdvance: this.hooks.onRunAndAdvance,
        // Escape goes back to the code block, the cell's one tab stop, so Tab then moves past the cell.
        onLeave: () => this.host.focus(),
        codeAbove: () => this.hooks.codeAbove(this.language),
        scrollbarHeight: staticCode.offsetHeight - staticCode.clientHeight,
      });
      staticCode.hidden = true;
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

  private onEdit(code: string): void {
    this.model.setCode(this.language, code);
    this.saveSoon(code);
  }

  private save(code: string): void {
    requestPersistence();
    let result: SaveResult = 'saved';
    const key = storageKey(this.model.id, this.language);
    if (code === this.side.original) store.remove(this.model.chapter, key);
    else result = store.save(this.model.chapter, key, code);
    if (result !== 'saved') showStorageNotice(result);
  }

  // --- Exercises (issue 12): an exercise puts its solution into its cell. ---
  /** Puts `code` in as if the reader had typed it: shown, marked modified, saved. */
  replace(code: string): void {
    this.onEdit(code);
    if (this.editor) this.editor.setCode(code);
    else this.showPlainCode();
  }
  // --- end of the exercises' addition ---

  /** Back to the chapter's code; the saved edit is forgotten. Returns the code it replaced, for Undo. */
  reset(): string {
    this.saveSoon.flush();
    const replaced = this.currentCode();
    this.model.setCode(this.language, this.side.original);
    store.remove(this.model.chapter, storageKey(this.model.id, this.language));
    if (this.editor) this.editor.setCode(this.side.original);
    else this.showPlainCode();
    return replaced;
  }
}
