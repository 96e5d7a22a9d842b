import { describe, expect, it } from 'vitest';
import { withBase } from '../../../src/lib/base-url.ts';

describe('withBase', () => {
  it.each([
    // base, path, expected
    ['/', 'favicon.svg', '/favicon.svg'],
    ['/', '/favicon.svg', '/favicon.svg'],
    ['/', '/', '/'],
    ['/', '', '/'],
    ['/', '01-intro/', '/01-intro/'],
    ['/', '/01-intro/', '/01-intro/'],
    ['/sub', 'favicon.svg', '/sub/favicon.svg'],
    ['/sub', '/favicon.svg', '/sub/favicon.svg'],
    ['/sub', '/', '/sub/'],
    ['/sub', '', '/sub/'],
    ['/sub', 'pyodide/0.27.0/', '/sub/pyodide/0.27.0/'],
    ['/sub/', 'favicon.svg', '/sub/favicon.svg'],
    ['/sub/', '/favicon.svg', '/sub/favicon.svg'],
    ['/sub/', '/', '/sub/'],
    ['/sub/', '01-intro/', '/sub/01-intro/'],
    ['/a/b/', '/c', '/a/b/c'],
    ['/sub//', '//favicon.svg', '/sub/favicon.svg'],
  ])('withBase(path, %j) joins %j into %j', (base, path, expected) => {
    expect(withBase(path, base)).toBe(expected);
  });

  it('never produces a double slash at the join', () => {
    for (const base of ['/', '/sub', '/sub/']) {
      for (const path of ['x', '/x', '//x']) {
        expect(withBase(path, base)).not.toMatch(/\/\//);
      }
    }
  });

  it("defaults to the site's configured base", () => {
    expect(withBase('favicon.svg')).toBe(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/favicon.svg`);
  });
});
