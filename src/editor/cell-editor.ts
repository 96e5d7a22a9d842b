// Loaded on the reader's first edit only: Monaco, its styles and the highlighter stay off the page until then.
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/suggest/register';
// The completion list itself; the feature module above only adds inline completions.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/parameterHints/register';
import * as monaco from 'monaco-editor/editor';
import { conf as pythonConfiguration } from 'monaco-editor/languages/definitions/python/python';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { shikiToMonaco } from '@shikijs/monaco';
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import monacoCss from 'virtual:monaco-css';
import {
  CODE_FONT_FAMILY,
  CODE_FONT_SIZE,
  CODE_LINE_HEIGHT,
  CODE_PADDING_X,
  CODE_PADDING_Y,
  CODE_THEMES,
} from '../lib/code-style.ts';
import { currentColorScheme, onColorSchemeChange } from '../lib/color-scheme.ts';
import { LANGUAGES, LANGUAGE_TABLE, type Language } from '../lib/languages.ts';
import type { CaretPosition } from '../lib/caret-in-text.ts';

export interface CellEditorOptions {
  code: string;
  language: Language;
  /** Accessible name of the text area, e.g. "Code of cell 3". */
  label: string;
  onChange(code: string): void;
  onRun(): void;
  onRunAndAdvance(): void;
  /** Escape: the reader leaves the editor, so Tab never traps them. */
  onLeave(): void;
  /** TypeScript cells: the code of the cells above, so the language service knows their declarations. */
  codeAbove?: () => string;
  /** Height of the static code's horizontal scrollbar, so the editor is exactly as tall (0: none shown). */
  scrollbarHeight: number;
}

export interface CellEditor {
  getCode(): string;
  setCode(code: string): void;
  focus(): void;
  /** Puts the caret there (where a click on the code landed before the editor existed). */
  placeCaret(position: CaretPosition): void;
}

/** Each language's grammar, for Monaco's colours (the same shiki grammar that coloured the static code). */
const GRAMMARS: Readonly<Record<Language, () => Promise<{ default: unknown }>>> = {
  python: () => import('@shikijs/langs/python'),
  typescript: () => import('@shikijs/langs/typescript'),
};

/** Indentation and bracket rules, where Monaco has no language service that brings its own. */
const CONFIGURATIONS: Partial<Record<Language, monaco.languages.LanguageConfiguration>> = {
  python: pythonConfiguration,
};

/** Monaco's workers are asked for by its language ids: a language service's own, or the plain editor's. */
const SERVICE_IDS = new Set<string>(LANGUAGES.map((language) => LANGUAGE_TABLE[language].monaco).filter((row) => row.languageService).map((row) => row.id));

let setup: Promise<void> | undefined;

function addStyles(): void {
  if (!monacoCss) return;
  const style = document.createElement('style');
  style.dataset['monaco'] = '';
  style.textContent = monacoCss;
  document.head.append(style);
}

function setUpOnce(): Promise<void> {
  setup ??= (async () => {
    (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
      getWorker: (_id: string, label: string) =>
        SERVICE_IDS.has(label) || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker(),
    };
    addStyles();
    const highlighter = await createHighlighterCore({
      themes: [import('@shikijs/themes/github-light-default'), import('@shikijs/themes/github-dark-default')],
      langs: LANGUAGES.map((language) => GRAMMARS[language]() as never),
      engine: createJavaScriptRegexEngine(),
    });
    for (const language of LANGUAGES) {
      const { id } = LANGUAGE_TABLE[language].monaco;
      monaco.languages.register({ id });
      // Indentation after `:` and bracket pairs, from Monaco's own definition; colours come from shiki.
      const configuration = CONFIGURATIONS[language];
      if (configuration) monaco.languages.setLanguageConfiguration(id, configuration);
    }
    // Monaco colours with the same grammar and theme that coloured the static code at build time.
    shikiToMonaco(highlighter, monaco);
    // Monaco has one theme for all editors: it follows the page's scheme as the static code does.
    onColorSchemeChange((scheme) => monaco.editor.setTheme(CODE_THEMES[scheme]));
  })();
  return setup;
}

export async function createCellEditor(host: HTMLElement, options: CellEditorOptions): Promise<CellEditor> {
  await setUpOnce();
  const row = LANGUAGE_TABLE[options.language];
  const typescript = row.monaco.languageService ? await import('./typescript-language.ts') : undefined;
  const codeAbove = options.codeAbove;
  if (typescript && codeAbove) typescript.setCellsAbove(codeAbove());
  // Each cell is its own file to the language service; the cells above come in as declarations.
  const uri = monaco.Uri.parse(`file:///notebook/${options.label.replace(/\W+/g, '-').toLowerCase()}.${row.fileExtension}`);
  const model = monaco.editor.createModel(options.code, row.monaco.id, uri);
  const editor = monaco.editor.create(host, {
    model,
    theme: CODE_THEMES[currentColorScheme()],
    ariaLabel: options.label,
    fontFamily: CODE_FONT_FAMILY,
    fontSize: CODE_FONT_SIZE,
    lineHeight: CODE_LINE_HEIGHT,
    fontLigatures: false,
    padding: { top: CODE_PADDING_Y, bottom: CODE_PADDING_Y },
    lineNumbers: 'off',
    glyphMargin: false,
    folding: false,
    lineDecorationsWidth: CODE_PADDING_X,
    lineNumbersMinChars: 0,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    scrollbar: {
      vertical: 'hidden',
      alwaysConsumeMouseWheel: false,
      horizontalScrollbarSize: options.scrollbarHeight || 10,
      useShadows: false,
    },
    overviewRulerLanes: 0,
    hideCursorInOverviewRuler: true,
    renderLineHighlight: 'none',
    guides: { indentation: false },
    renderWhitespace: 'none',
    automaticLayout: true,
    // Indentation is Python's syntax: pasted code must keep it exactly.
    autoIndentOnPaste: false,
    formatOnPaste: false,
    tabSize: 4,
    insertSpaces: true,
    wordWrap: 'off',
    contextmenu: false,
    // The code block around the editor is the cell's one tab stop; Tab inside the editor indents.
    tabIndex: -1,
    fixedOverflowWidgets: true,
  });
  // The editor grows with its code instead of scrolling inside the page.
  // Its scrollbar overlays the bottom padding, as the static code's does, so the heights match.
  const fit = () => {
    const lines = model.getLineCount() * CODE_LINE_HEIGHT;
    host.style.height = `${lines + 2 * CODE_PADDING_Y + options.scrollbarHeight}px`;
  };
  editor.onDidContentSizeChange(fit);
  fit();
  editor.onDidChangeModelContent(() => options.onChange(model.getValue()));
  if (typescript && codeAbove) editor.onDidFocusEditorText(() => typescript.setCellsAbove(codeAbove()));
  editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, options.onRunAndAdvance);
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, options.onRun);
  editor.addCommand(monaco.KeyCode.Escape, options.onLeave, '!suggestWidgetVisible && !findWidgetVisible');
  return {
    getCode: () => model.getValue(),
    setCode(code) {
      if (code !== model.getValue()) model.setValue(code);
    },
    focus: () => editor.focus(),
    placeCaret: (position) => editor.setPosition(position),
  };
}
