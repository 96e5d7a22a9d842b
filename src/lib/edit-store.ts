/** Why an edit could not be kept; the page turns this into a visible notice. */
export type SaveResult = 'saved' | 'full' | 'unavailable';

export interface EditStore {
  load(chapter: string, cellId: string): string | undefined;
  save(chapter: string, cellId: string, code: string): SaveResult;
  remove(chapter: string, cellId: string): void;
}

const PREFIX = 'event-loop-notebook:edit:v1';

function key(chapter: string, cellId: string): string {
  return `${PREFIX}:${chapter}:${cellId}`;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** The reader's edits, one entry per chapter and cell. `storage` is `undefined` where the browser has none. */
export function createEditStore(storage: Storage | undefined): EditStore {
  return {
    load(chapter, cellId) {
      try {
        const raw = storage?.getItem(key(chapter, cellId));
        if (!raw) return undefined;
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed === 'object' && parsed !== null && 'code' in parsed && typeof parsed.code === 'string') {
          return parsed.code;
        }
      } catch {
        // A corrupt entry is treated as no edit; the original code is still on the page.
      }
      return undefined;
    },
    save(chapter, cellId, code) {
      if (!storage) return 'unavailable';
      try {
        storage.setItem(key(chapter, cellId), JSON.stringify({ code, savedAt: Date.now() }));
        return 'saved';
      } catch (error) {
        return isQuotaError(error) ? 'full' : 'unavailable';
      }
    },
    remove(chapter, cellId) {
      try {
        storage?.removeItem(key(chapter, cellId));
      } catch {
        // Nothing to keep: removal only ever follows a reset to the original code.
      }
    },
  };
}

/** The page's localStorage (or this tab's sessionStorage), or `undefined` when the browser refuses it (some private windows). */
export function browserStorage(area: 'localStorage' | 'sessionStorage' = 'localStorage'): Storage | undefined {
  try {
    return window[area];
  } catch {
    return undefined;
  }
}
