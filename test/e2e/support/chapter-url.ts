/** The addresses a reader opens a chapter with: its language, and a shared cell's code. */

export type Language = 'python' | 'typescript';

/** A cell's code carried in the link, as the Share button makes it. */
export interface SharedCode {
  cellId: string;
  code: string;
  language?: Language;
}

export interface ChapterOptions {
  language?: Language;
  share?: SharedCode;
}

const URL_CODE: Record<Language, string> = { python: 'py', typescript: 'ts' };

/** The fragment src/notebook/share-link.ts reads: `#share=<cell-id>[~ts].<base64url of the code>`. */
export function shareHash(cellId: string, code: string, language: Language = 'python'): string {
  const target = language === 'typescript' ? `${cellId}~ts` : cellId;
  return `#share=${target}.${Buffer.from(code, 'utf8').toString('base64url')}`;
}

/**
 * `slug/`, with `?lang=` when a language is asked for, and the share fragment. A shared cell is in
 * the page's language unless it names its own, and a link with one always names the language, as
 * the Share button's links do.
 */
export function chapterPath(slug: string, { language, share }: ChapterOptions = {}): string {
  const shared = share ? (share.language ?? language ?? 'python') : undefined;
  const lang = language ?? shared;
  const query = lang ? `?lang=${URL_CODE[lang]}` : '';
  const hash = share ? shareHash(share.cellId, share.code, shared) : '';
  return `${slug}/${query}${hash}`;
}
