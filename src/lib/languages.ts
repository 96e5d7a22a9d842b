/**
 * The one table of languages. Everything that differs between the notebook's languages is a column
 * here, including each outside vocabulary's name for it (Monaco, shiki, the chapters' fences,
 * Jupyter), so that no other file spells a language. A third language is one more row plus its
 * kernel, registered from above (src/notebook/kernels.ts). It sits at the bottom of the tree: it
 * imports nothing, and the build, the workers and the page all read it.
 */

export interface JupyterLanguage {
  kernelspec: { display_name: string; language: string; name: string };
  language_info: Record<string, unknown> & { name: string };
}

export interface LanguageRow {
  /** Shown to the reader. */
  label: string;
  /** In links: `?lang=ts`, and `~ts` after a shared cell's id. */
  urlCode: string;
  /** Added to a cell's id to key the reader's saved edit of this side. */
  storageSuffix: string;
  /** The tag of its fences in a chapter: ```` ```python cell ```` or ```` ```ts twin ````. */
  fence: string;
  /** Monaco's language id; `languageService` when Monaco has a worker that checks the code. */
  monaco: { id: string; languageService: boolean };
  /** shiki's grammar id, for the build's highlighted code and the editor's colours. */
  shiki: string;
  /** What a downloaded file of this language's cells ends with. */
  fileExtension: string;
  /** Jupyter's names for it, where a real Jupyter kernel runs it (the .ipynb export). */
  jupyter: JupyterLanguage | undefined;
  /** Whether the page fetches its runtime ahead of the first Run (a large download worth starting early). */
  prefetch: boolean;
}

export const LANGUAGE_TABLE = {
  python: {
    label: 'Python',
    urlCode: 'py',
    storageSuffix: '',
    fence: 'python',
    monaco: { id: 'python', languageService: false },
    shiki: 'python',
    fileExtension: 'py',
    jupyter: {
      kernelspec: { display_name: 'Python 3 (ipykernel)', language: 'python', name: 'python3' },
      language_info: {
        name: 'python',
        codemirror_mode: { name: 'ipython', version: 3 },
        file_extension: '.py',
        mimetype: 'text/x-python',
        nbconvert_exporter: 'python',
        pygments_lexer: 'ipython3',
      },
    },
    prefetch: true,
  },
  typescript: {
    label: 'TypeScript',
    urlCode: 'ts',
    storageSuffix: '.ts',
    fence: 'ts',
    monaco: { id: 'typescript', languageService: true },
    shiki: 'typescript',
    fileExtension: 'ts',
    jupyter: undefined,
    prefetch: false,
  },
} as const satisfies Record<string, LanguageRow>;

export type Language = keyof typeof LANGUAGE_TABLE;

/** Every language, in the table's order: a cell's sides and the switch follow it. */
export const LANGUAGES = Object.keys(LANGUAGE_TABLE) as Language[];

/** The chapters' own language: every cell has this side, and the twins follow it. The table's first row. */
export const PRIMARY_LANGUAGE: Language = LANGUAGES[0]!;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LANGUAGE_TABLE, value);
}

export function languageRow(language: Language): LanguageRow {
  return LANGUAGE_TABLE[language];
}

/** The language a link's `?lang=` code names, if any. */
export function languageOfUrlCode(code: string | null | undefined): Language | undefined {
  return LANGUAGES.find((language) => LANGUAGE_TABLE[language].urlCode === code);
}

/** The language of a chapter fence's tag (`python`, `ts`), if any. */
export function languageOfFence(tag: string | null | undefined): Language | undefined {
  return LANGUAGES.find((language) => LANGUAGE_TABLE[language].fence === tag);
}

/** Where the reader's last choice of language is kept (read before the body renders, see Base.astro). */
export const LANGUAGE_STORAGE_KEY = 'event-loop-notebook:language';
