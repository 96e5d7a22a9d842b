import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserStorage, createEditStore } from '../../../src/lib/edit-store.ts';

/** The Storage interface over a Map, as a browser's localStorage behaves. */
class MapStorage implements Storage {
  readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
}

/** A storage that fails in the given way on every write. */
class FailingStorage extends MapStorage {
  constructor(private readonly error: () => unknown) {
    super();
  }
  override setItem(): void {
    throw this.error();
  }
}

/** A storage whose every access throws, as some browsers do when storage is disabled. */
class DeniedStorage extends MapStorage {
  override getItem(): string | null {
    throw new DOMException('denied', 'SecurityError');
  }
  override setItem(): void {
    throw new DOMException('denied', 'SecurityError');
  }
  override removeItem(): void {
    throw new DOMException('denied', 'SecurityError');
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createEditStore', () => {
  it('loads what was saved for a chapter and cell', () => {
    const store = createEditStore(new MapStorage());
    expect(store.save('01-intro', 'hello', 'print("edited")\n')).toBe('saved');
    expect(store.load('01-intro', 'hello')).toBe('print("edited")\n');
  });

  it('keeps code exactly, including indentation, quotes, unicode and empty code', () => {
    const store = createEditStore(new MapStorage());
    const code = 'def f():\n    return "\\"é\\"" + \'🐍\'\n\n\tpass\n';
    store.save('ch', 'a', code);
    expect(store.load('ch', 'a')).toBe(code);
    store.save('ch', 'empty', '');
    // An empty edit is still an edit: the reader deleted all the code.
    expect(store.load('ch', 'empty')).toBe('');
  });

  it('returns undefined for a cell that was never saved', () => {
    const store = createEditStore(new MapStorage());
    expect(store.load('01-intro', 'hello')).toBeUndefined();
  });

  it('keeps the latest save', () => {
    const store = createEditStore(new MapStorage());
    store.save('ch', 'cell', 'one');
    store.save('ch', 'cell', 'two');
    expect(store.load('ch', 'cell')).toBe('two');
  });

  it('remove() forgets the edit of that cell only', () => {
    const storage = new MapStorage();
    const store = createEditStore(storage);
    store.save('ch', 'a', 'A');
    store.save('ch', 'b', 'B');
    store.remove('ch', 'a');
    expect(store.load('ch', 'a')).toBeUndefined();
    expect(store.load('ch', 'b')).toBe('B');
    expect(storage.length).toBe(1);
    // Removing what is not there is harmless.
    expect(() => store.remove('ch', 'missing')).not.toThrow();
  });

  it('keeps edits of the same cell id in different chapters apart', () => {
    const store = createEditStore(new MapStorage());
    store.save('01-intro', 'hello', 'intro edit');
    store.save('02-tasks', 'hello', 'tasks edit');
    expect(store.load('01-intro', 'hello')).toBe('intro edit');
    expect(store.load('02-tasks', 'hello')).toBe('tasks edit');
    store.remove('01-intro', 'hello');
    expect(store.load('01-intro', 'hello')).toBeUndefined();
    expect(store.load('02-tasks', 'hello')).toBe('tasks edit');
  });

  it('does not confuse chapters whose names are prefixes of each other', () => {
    const store = createEditStore(new MapStorage());
    store.save('01', 'intro-hello', 'one');
    store.save('01-intro', 'hello', 'two');
    expect(store.load('01', 'intro-hello')).toBe('one');
    expect(store.load('01-intro', 'hello')).toBe('two');
  });

  it('shares edits between store instances over the same storage (a page reload)', () => {
    const storage = new MapStorage();
    createEditStore(storage).save('ch', 'cell', 'kept');
    expect(createEditStore(storage).load('ch', 'cell')).toBe('kept');
  });

  it('writes under a namespaced key, leaving other keys of the site alone', () => {
    const storage = new MapStorage();
    storage.setItem('theme', 'dark');
    const store = createEditStore(storage);
    store.save('ch', 'cell', 'x');
    store.remove('ch', 'cell');
    expect([...storage.map.entries()]).toEqual([['theme', 'dark']]);
  });

  it.each([
    ['not JSON', '{"code": "unterminated'],
    ['JSON without code', '{"savedAt": 1}'],
    ['JSON with non-string code', '{"code": 42}'],
    ['JSON null', 'null'],
    ['a bare JSON string', '"print(1)"'],
    ['a JSON array', '["print(1)"]'],
    ['empty', ''],
  ])('loads a corrupt entry (%s) as no edit', (_, raw) => {
    const storage = new MapStorage();
    const store = createEditStore(storage);
    store.save('ch', 'cell', 'x');
    const [key] = [...storage.map.keys()];
    storage.setItem(key!, raw);
    expect(store.load('ch', 'cell')).toBeUndefined();
  });

  it('without storage, loads nothing, reports saves as unavailable, and removes quietly', () => {
    const store = createEditStore(undefined);
    expect(store.save('ch', 'cell', 'x')).toBe('unavailable');
    expect(store.load('ch', 'cell')).toBeUndefined();
    expect(() => store.remove('ch', 'cell')).not.toThrow();
  });

  it("reports 'full' when the browser's quota is exceeded", () => {
    const store = createEditStore(new FailingStorage(() => new DOMException('quota', 'QuotaExceededError')));
    expect(store.save('ch', 'cell', 'x')).toBe('full');
    expect(store.load('ch', 'cell')).toBeUndefined();
  });

  it("reports 'full' for a quota error known only by its legacy code 22", () => {
    // Older browsers used their own names (e.g. NS_ERROR_DOM_QUOTA_REACHED) with the standard code.
    const legacy = Object.create(DOMException.prototype, {
      name: { value: 'NS_ERROR_DOM_QUOTA_REACHED' },
      code: { value: 22 },
    }) as DOMException;
    const store = createEditStore(new FailingStorage(() => legacy));
    expect(store.save('ch', 'cell', 'x')).toBe('full');
  });

  it.each([
    ['a SecurityError', () => new DOMException('denied', 'SecurityError')],
    ['a plain Error', () => new Error('QuotaExceededError')],
    ['a thrown string', () => 'QuotaExceededError'],
  ])("reports 'unavailable' when writing fails with %s", (_, error) => {
    const store = createEditStore(new FailingStorage(error));
    expect(store.save('ch', 'cell', 'x')).toBe('unavailable');
  });

  it('survives a storage whose every access throws', () => {
    const store = createEditStore(new DeniedStorage());
    expect(store.load('ch', 'cell')).toBeUndefined();
    expect(store.save('ch', 'cell', 'x')).toBe('unavailable');
    expect(() => store.remove('ch', 'cell')).not.toThrow();
  });
});

describe('browserStorage', () => {
  it("returns the window's localStorage", () => {
    const storage = new MapStorage();
    vi.stubGlobal('window', { localStorage: storage });
    expect(browserStorage()).toBe(storage);
  });

  it('returns undefined when reading localStorage throws (storage disabled)', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(browserStorage()).toBeUndefined();
  });
});
