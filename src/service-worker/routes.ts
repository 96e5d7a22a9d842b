/** Which of the site's paths each cache keeps; `scope` is the site's base path, ending in "/". */
export const PYODIDE_CACHE = 'pyodide';

export function isPyodide(pathname: string, scope: string): boolean {
  return pathname.startsWith(`${scope}pyodide/`);
}

export function isSiteAsset(pathname: string, scope: string): boolean {
  return pathname.startsWith(`${scope}_astro/`);
}

export function isPagefind(pathname: string, scope: string): boolean {
  return pathname.startsWith(`${scope}pagefind/`);
}

/** A chapter or the home page: the site's pages are folders with an index.html. */
export function isPage(pathname: string): boolean {
  return pathname.endsWith('/') || pathname.endsWith('.html');
}
