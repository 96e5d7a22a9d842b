import type { CellEditor } from '../editor/cell-editor.ts';
import type { Language } from '../lib/languages.ts';
import { required } from '../lib/required.ts';
import type { CellModel, CellSide } from './cell-model.ts';
import { caretInText } from '../lib/caret-in-text.ts';

export interface EditorHooks {
  label: string;
  onRun(): void;
  onRunAndAdvance(): void;
  codeAbove(language: Language): string;
}

/**
 * One language's code block in a cell: the highlighted code from the server, then Monaco on the
 * first click or focus. The reader's edits go to the model; code the model gets from elsewhere
 * (Reset, Undo reset, an exercise's solution) is drawn here.
 */
export class CodeView {
  editor: CellEditor | undefined;
  private editorLoading: Promise<CellEditor | undefined> | undefined;

  constructor(
    readonly host: HTMLElement,
    private readonly model: CellModel,
    readonly language: Language,
    private readonly hooks: EditorHooks,
  ) {
    if (this.side.code !== this.side.original) this.showPlainCode();
    // Jupyter's two modes: Tab stops on the code without editing it; Enter starts editing,
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
    model.onChange((change) => {
      if (change.kind === 'code' && change.language === language) this.drawCode();
    });
  }

  get side(): CellSide {
    return this.model.side(this.language)!;
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

  /** The model's code, unless the editor already holds it (the reader typed it). */
  private drawCode(): void {
    if (this.editor) {
      if (this.editor.getCode() !== this.side.code) this.editor.setCode(this.side.code);
    } else {
      this.showPlainCode();
    }
  }

  private onEdit(code: string): void {
    this.model.setCode(this.language, code);
  }
}
