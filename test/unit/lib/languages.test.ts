import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, LANGUAGE_TABLE, PRIMARY_LANGUAGE, isLanguage, languageOfFence, languageOfUrlCode } from '../../../src/lib/languages.ts';
import { languageCss } from '../../../src/lib/language-css.ts';

const ROOT = join(import.meta.dirname, '../../..');
const TABLE = 'src/lib/languages.ts';
const SCANNED = ['src', 'components', 'astro.config.mjs'];
const CODE = /\.(ts|mjs|js|astro|css|py)$/;

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((entry) => files(join(path, entry)));
}

/** Every name the table gives a language: its id, its link code and its fence tag. */
const spellings = new Map<string, (typeof LANGUAGES)[number]>(
  LANGUAGES.flatMap((language) => {
    const row = LANGUAGE_TABLE[language];
    return [language, row.urlCode, row.fence].map((name) => [name, language] as const);
  }),
);

/** A language's own kernel may name its own tools (sucrase's `typescript` transform, say). */
const ownKernel = (file: string, language: string) => file.startsWith(`src/kernel/${language}/`);

describe('the one table of languages', () => {
  it('is the only file that spells a language in code: no id, link code or fence tag as a string', () => {
    const found: string[] = [];
    for (const file of SCANNED.flatMap(files).filter((file) => CODE.test(file) && file !== TABLE)) {
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const match of line.matchAll(/(['"`])([a-z]+)\1/g)) {
            const language = spellings.get(match[2]!);
            if (language && !ownKernel(relative('.', file), language)) found.push(`${file}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(found).toEqual([]);
  });

  it('names every language once in each vocabulary, so a link, a fence or a key means one language', () => {
    for (const column of ['urlCode', 'fence', 'storageSuffix', 'fileExtension', 'label'] as const) {
      const values = LANGUAGES.map((language) => LANGUAGE_TABLE[language][column]);
      expect(new Set(values).size, column).toBe(values.length);
    }
    for (const language of LANGUAGES) {
      expect(languageOfUrlCode(LANGUAGE_TABLE[language].urlCode)).toBe(language);
      expect(languageOfFence(LANGUAGE_TABLE[language].fence)).toBe(language);
      expect(isLanguage(language)).toBe(true);
    }
    expect(isLanguage('toString')).toBe(false);
    expect(languageOfUrlCode('xx')).toBeUndefined();
  });

  it('keeps saved edits of the chapters’ own language where they always were (no suffix)', () => {
    expect(LANGUAGE_TABLE[PRIMARY_LANGUAGE].storageSuffix).toBe('');
    expect(LANGUAGE_TABLE[PRIMARY_LANGUAGE].jupyter).toBeDefined();
  });

  it('makes the style rules that show one side per cell for every language but the first', () => {
    const css = languageCss();
    for (const language of LANGUAGES.filter((other) => other !== PRIMARY_LANGUAGE)) {
      expect(css).toContain(`.cell-code[data-language='${language}'], [data-language='${language}'] nb-cell:has(.cell-code[data-language='${language}'])`);
      expect(css).toContain(`[data-language='${language}'] .for-language[data-for-language='${language}'] { display: block; }`);
    }
    expect(css).not.toContain(`[data-language='${PRIMARY_LANGUAGE}']`);
  });
});
