import type { SaveResult } from '../lib/edit-store.ts';

const MESSAGES: Record<Exclude<SaveResult, 'saved'>, string> = {
  full: 'Your browser storage is full, so your latest edits are not saved.',
  unavailable: 'This browser does not let the page keep your edits (a private window?), so they will be lost on reload.',
};

/** Says, once and visibly, that edits are not being kept, and offers `chapterCode()` as a download instead. */
export function showStorageNotice(result: Exclude<SaveResult, 'saved'>, chapterCode: () => string): void {
  const notice = document.querySelector<HTMLElement>('[data-storage-notice]');
  if (!notice) return;
  const message = notice.querySelector('[data-message]');
  if (message) message.textContent = MESSAGES[result];
  const link = notice.querySelector<HTMLAnchorElement>('a[download]');
  if (link) link.onclick = () => {
    const url = URL.createObjectURL(new Blob([chapterCode()], { type: 'text/x-python' }));
    link.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  notice.hidden = false;
}
