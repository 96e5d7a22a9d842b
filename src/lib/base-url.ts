// Set by astro.config.mjs for the build; code run outside it (tests) gets Vite's own value.
const SITE_BASE: string = import.meta.env.PUBLIC_SITE_BASE ?? import.meta.env.BASE_URL ?? '/';

/** Joins a site-relative path to the base the site is built for ("/" or a sub-path like "/notebook"). */
export function withBase(path: string, base: string = SITE_BASE): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
