import { describe, expect, it } from 'vitest';
import { codeFromLink, shareLink } from '../../../src/notebook/share-link.ts';

const here = { origin: 'https://example.org', pathname: '/notebook/task/' } as Location;
const hashOf = (link: string) => new URL(link).hash;

describe('share links', () => {
  it('carry a Python cell’s code, emoji and all, in the fragment, and open the page in Python', () => {
    const code = 'print("🐍 → ok")\nx = 1  # ünïcode';
    const link = shareLink('task-class', code, 'python', here);
    expect(link.startsWith('https://example.org/notebook/task/?lang=py#share=task-class.')).toBe(true);
    expect(codeFromLink('task-class', 'python', hashOf(link))).toBe(code);
  });

  it('carry a TypeScript twin separately from the Python cell of the same id', () => {
    const link = shareLink('task-class', 'console.log(1);', 'typescript', here);
    expect(new URL(link).searchParams.get('lang')).toBe('ts');
    expect(codeFromLink('task-class', 'typescript', hashOf(link))).toBe('console.log(1);');
    expect(codeFromLink('task-class', 'python', hashOf(link))).toBeUndefined();
  });

  it('give nothing to other cells, to broken payloads and to oversized code', () => {
    const link = shareLink('a', 'print(1)', 'python', here);
    expect(codeFromLink('b', 'python', hashOf(link))).toBeUndefined();
    expect(codeFromLink('a', 'python', '#share=a.%%%not-base64')).toBeUndefined();
    expect(codeFromLink('a', 'python', '#share=a')).toBeUndefined();
    expect(codeFromLink('a', 'python', '#other')).toBeUndefined();
    // Invalid UTF-8 is refused rather than shown garbled.
    expect(codeFromLink('a', 'python', `#share=a.${btoa('\xff\xfe')}`)).toBeUndefined();
    expect(codeFromLink('a', 'python', hashOf(shareLink('a', 'x'.repeat(100_001), 'python', here)))).toBeUndefined();
  });
});
