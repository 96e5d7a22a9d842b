import { describe, expect, test } from 'vitest';
import { createProgressStore, progressText } from '../../../src/exercises/progress-store.ts';

/** A Map-backed Storage; `full` makes every write fail as a full localStorage does. */
function memoryStorage({ full = false } = {}): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

describe('exercise progress', () => {
  test('counts checks and stays solved once solved', () => {
    const store = createProgressStore(memoryStorage());
    expect(store.load('a')).toEqual({ solved: false, attempts: 0 });
    store.record('a', false);
    store.record('a', true);
    store.record('a', false);
    expect(store.load('a')).toEqual({ solved: true, attempts: 3 });
    expect(store.load('b')).toEqual({ solved: false, attempts: 0 });
  });

  test('says so when the browser keeps nothing, and still answers', () => {
    expect(createProgressStore(memoryStorage({ full: true })).record('a', true)).toBe(false);
    expect(createProgressStore(undefined).record('a', true)).toBe(false);
    expect(createProgressStore(undefined).load('a')).toEqual({ solved: false, attempts: 0 });
  });

  test('treats a corrupt entry as no progress', () => {
    const storage = memoryStorage();
    storage.setItem('event-loop-notebook:exercise:v1:a', '{not json');
    expect(createProgressStore(storage).load('a')).toEqual({ solved: false, attempts: 0 });
  });

  test('is put in words for one exercise and for a chapter', () => {
    expect(progressText([{ solved: false, attempts: 0 }])).toBe('not started');
    expect(progressText([{ solved: false, attempts: 2 }])).toBe('tried');
    expect(progressText([{ solved: true, attempts: 2 }])).toBe('solved');
    expect(progressText([{ solved: true, attempts: 1 }, { solved: false, attempts: 0 }, { solved: true, attempts: 4 }])).toBe(
      '2 of 3 exercises solved',
    );
  });
});
