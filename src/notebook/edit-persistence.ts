import { debounce } from '../lib/debounce.ts';
import { browserStorage, createEditStore, type SaveResult } from '../lib/edit-store.ts';
import { LANGUAGE_TABLE, type Language } from '../lib/languages.ts';
import type { CellModel } from './cell-model.ts';
import { showStorageNotice } from './storage-notice.ts';

const store = createEditStore(browserStorage());
const SAVE_DELAY_MS = 300;

const storageKey = (cellId: string, language: Language) => `${cellId}${LANGUAGE_TABLE[language].storageSuffix}`;

/** The reader's saved edit of one side of a cell, if they made one. */
export function savedEdit(chapter: string, cellId: string, language: Language): string | undefined {
  return store.load(chapter, storageKey(cellId, language));
}

let persistenceAsked = false;
/** Asks once that the browser not evict the reader's edits under storage pressure. */
function requestPersistence(): void {
  if (persistenceAsked) return;
  persistenceAsked = true;
  void navigator.storage?.persist?.().catch(() => false);
}

/**
 * Keeps every edit of the notebook's cells in the reader's storage, a moment after they stop
 * typing (and at once when the page goes away). Code back at the chapter's original forgets the
 * edit at once, so a reload after Reset shows the original. A save the browser refuses is said
 * visibly, with the page's code offered as a download.
 */
export function keepEdits(cells: readonly CellModel[], chapterCode: () => string): void {
  const pending: (() => void)[] = [];
  window.addEventListener('pagehide', () => pending.forEach((flush) => flush()));
  for (const cell of cells) {
    for (const side of cell.sides.values()) {
      const key = storageKey(cell.id, side.language);
      const save = debounce((code: string) => {
        requestPersistence();
        let result: SaveResult = 'saved';
        if (code === side.original) store.remove(cell.chapter, key);
        else result = store.save(cell.chapter, key, code);
        if (result !== 'saved') showStorageNotice(result, chapterCode);
      }, SAVE_DELAY_MS);
      cell.onChange((change) => {
        if (change.kind !== 'code' || change.language !== side.language) return;
        save(side.code);
        if (side.code === side.original) save.flush();
      });
      pending.push(save.flush);
    }
  }
}
