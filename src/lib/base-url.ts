// Defined by astro.config.mjs for the build; code run outside it (tests, Node) gets Vite's own value.
const SITE_BASE: string = typeof __SITE_BASE__ === 'string' ? __SITE_BASE__ : (import.meta.env?.BASE_URL ?? '/');

/** Joins a site-relative path to the base the site is built for ("/" or a sub-path like "/notebook"). */
export function withBase(path: string, base: string = SITE_BASE): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
