import { createPythonKernel, createTypeScriptKernel } from '../kernel/page/client.ts';
import type { Kernel } from '../kernel/page/kernel.ts';

/** The notebook's two languages; every cell has both, one is shown. */
export type Language = 'python' | 'typescript';

export interface LanguageInfo {
  /** Shown to the reader. */
  label: string;
  /** In links: `?lang=ts`, and `~ts` after a shared cell's id. */
  urlCode: string;
  /** Added to a cell's id to key the reader's saved edit of this side. */
  storageSuffix: string;
  /** Monaco's language id. */
  editorLanguage: string;
  fileExtension: string;
  createKernel(): Kernel;
}

/** The one table of languages: nothing else needs to know what makes them differ. */
export const LANGUAGE_TABLE: Record<Language, LanguageInfo> = {
  python: { label: 'Python', urlCode: 'py', storageSuffix: '', editorLanguage: 'python', fileExtension: 'py', createKernel: createPythonKernel },
  typescript: {
    label: 'TypeScript',
    urlCode: 'ts',
    storageSuffix: '.ts',
    editorLanguage: 'typescript',
    fileExtension: 'ts',
    createKernel: createTypeScriptKernel,
  },
};

export const LANGUAGES = Object.keys(LANGUAGE_TABLE) as Language[];
const STORAGE_KEY = 'event-loop-notebook:language';
const EVENT = 'notebook-language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LANGUAGE_TABLE, value);
}

/** The language the page shows: set on <html> before the body renders (see Base.astro). */
export function currentLanguage(): Language {
  const value = document.documentElement.dataset['language'];
  return isLanguage(value) ? value : 'python';
}

/** Switches every cell without a reload, remembers the choice, and puts it in the URL for links. */
export function setLanguage(language: Language): void {
  if (language === currentLanguage()) return;
  document.documentElement.dataset['language'] = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across visits; the URL still carries it.
  }
  const url = new URL(window.location.href);
  url.searchParams.set('lang', LANGUAGE_TABLE[language].urlCode);
  history.replaceState(history.state, '', url);
  window.dispatchEvent(new CustomEvent(EVENT, { detail: language }));
}

export function onLanguageChange(listener: (language: Language) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<Language>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
