/** The notebook's two languages; every cell has both, one is shown. */
export type Language = 'python' | 'typescript';

export const LANGUAGES: readonly Language[] = ['python', 'typescript'];
const STORAGE_KEY = 'event-loop-notebook:language';
const EVENT = 'notebook-language';

export function isLanguage(value: unknown): value is Language {
  return value === 'python' || value === 'typescript';
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
  url.searchParams.set('lang', language === 'typescript' ? 'ts' : 'py');
  history.replaceState(history.state, '', url);
  window.dispatchEvent(new CustomEvent(EVENT, { detail: language }));
}

export function onLanguageChange(listener: (language: Language) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<Language>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
