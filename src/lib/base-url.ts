/** Joins a site-relative path to the base the site is built for ("/" or a sub-path like "/notebook"). */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
