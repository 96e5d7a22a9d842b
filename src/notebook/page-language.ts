import { LANGUAGE_STORAGE_KEY, LANGUAGE_TABLE, PRIMARY_LANGUAGE, isLanguage, type Language } from '../lib/languages.ts';

/** The language the inline script in Base.astro chose before the body rendered (link, else the last choice). */
export function initialLanguage(): Language {
  const value = document.documentElement.dataset['language'];
  return isLanguage(value) ? value : PRIMARY_LANGUAGE;
}

/**
 * Shows the notebook's language on the page: the attribute the style sheets key on, the choice
 * remembered for the next visit, and the URL, so that a link carries it (`?lang=ts`).
 */
export function reflectLanguage(language: Language): void {
  document.documentElement.dataset['language'] = language;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered across visits; the URL still carries it.
  }
  const url = new URL(window.location.href);
  url.searchParams.set('lang', LANGUAGE_TABLE[language].urlCode);
  history.replaceState(history.state, '', url);
}
