/** Light or dark: the system's choice unless the reader picked one with the toggle (remembered). */
export type ColorScheme = 'light' | 'dark';

export const COLOR_SCHEME_KEY = 'event-loop-notebook:color-scheme';
const EVENT = 'notebook-color-scheme';
const systemDark = (): MediaQueryList => window.matchMedia('(prefers-color-scheme: dark)');

export function isColorScheme(value: unknown): value is ColorScheme {
  return value === 'light' || value === 'dark';
}

/** The scheme on screen: set on <html> as data-theme before the body renders (see Base.astro). */
export function currentColorScheme(): ColorScheme {
  const chosen = document.documentElement.dataset['theme'];
  if (isColorScheme(chosen)) return chosen;
  return systemDark().matches ? 'dark' : 'light';
}

/** The reader's explicit choice; the stylesheet turns it into `color-scheme` on the root. */
export function setColorScheme(scheme: ColorScheme): void {
  document.documentElement.dataset['theme'] = scheme;
  try {
    localStorage.setItem(COLOR_SCHEME_KEY, scheme);
  } catch {
    // Kept for this page only.
  }
  window.dispatchEvent(new CustomEvent(EVENT));
}

/** Calls back with the scheme on screen whenever it changes, by the toggle or by the system. */
export function onColorSchemeChange(listener: (scheme: ColorScheme) => void): () => void {
  const handler = () => listener(currentColorScheme());
  const media = systemDark();
  media.addEventListener('change', handler);
  window.addEventListener(EVENT, handler);
  return () => {
    media.removeEventListener('change', handler);
    window.removeEventListener(EVENT, handler);
  };
}
