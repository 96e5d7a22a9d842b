import { LANGUAGE_TABLE, PRIMARY_LANGUAGE, type Language } from '../lib/languages.ts';

/**
 * Links that carry a reader's version of a cell in the URL fragment (never sent to a server):
 * `?lang=py#share=<cell-id>.<base64url of the code>`, or `?lang=ts#share=<cell-id>~ts.<...>` for a
 * TypeScript twin. Opening one shows the code, marked "from a link"; nothing runs until the reader
 * clicks Run.
 */
const PREFIX = '#share=';
/** Codes longer than this are not accepted from a link. */
const MAX_CODE_LENGTH = 100_000;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string | undefined {
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The cell's id, and for a twin `~` and its language's link code: the chapters' own language needs none. */
const target = (cellId: string, language: Language) => (language === PRIMARY_LANGUAGE ? cellId : `${cellId}~${LANGUAGE_TABLE[language].urlCode}`);

export function shareLink(
  cellId: string,
  code: string,
  language: Language = PRIMARY_LANGUAGE,
  location: Location = window.location,
): string {
  const lang = LANGUAGE_TABLE[language].urlCode;
  return `${location.origin}${location.pathname}?lang=${lang}${PREFIX}${target(cellId, language)}.${toBase64Url(code)}`;
}

/** The code a link carries for `cellId` in `language`, if the page was opened from such a link. */
export function codeFromLink(
  cellId: string,
  language: Language = PRIMARY_LANGUAGE,
  hash: string = window.location.hash,
): string | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const payload = hash.slice(PREFIX.length);
  const dot = payload.indexOf('.');
  if (dot < 0 || payload.slice(0, dot) !== target(cellId, language)) return undefined;
  const code = fromBase64Url(payload.slice(dot + 1));
  return code !== undefined && code.length <= MAX_CODE_LENGTH ? code : undefined;
}
