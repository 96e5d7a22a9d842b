import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { policyFor, withPolicy } from '../../../src/plugins/content-security-policy.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('policyFor', () => {
  test("allows the site's own scripts, the inline ones by hash, and no inline script otherwise", () => {
    const policy = policyFor(['a()', 'b()', 'a()']);
    const scripts = /script-src ([^;]*)/.exec(policy)![1]!.split(' ');
    expect(scripts).toEqual(["'self'", "'wasm-unsafe-eval'", sha('a()'), sha('b()')]);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("default-src 'self'");
  });
});

describe('withPolicy', () => {
  const page = '<!doctype html><html><head><meta charset="utf-8" /><script>one()</script><script type="module" src="/x.js"></script></head><body><script is:inline>two()</script></body></html>';

  test('puts the policy right after the charset, before any script', () => {
    const html = withPolicy(page);
    expect(html.indexOf('Content-Security-Policy')).toBeGreaterThan(html.indexOf('charset'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  test('hashes every inline script and no external one', () => {
    const policy = /content="([^"]*)"/.exec(withPolicy(page).slice(withPolicy(page).indexOf('Content-Security-Policy')))![1]!;
    expect(policy).toContain(sha('one()'));
    expect(policy).toContain(sha('two()'));
    expect(policy.match(/sha256-/g)).toHaveLength(2);
  });
});
