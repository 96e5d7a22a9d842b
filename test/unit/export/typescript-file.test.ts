import { expect, test } from 'vitest';
import type { ChapterModel } from '../../../src/export/chapter.ts';
import { bookTypeScript, chapterTypeScript } from '../../../src/export/typescript-file.ts';

const cell = (index: number, code: string, printed = '') => ({
  kind: 'cell' as const,
  id: `c${index}`,
  index,
  sides: {
    python: { code: 'pass', outputs: [] },
    typescript: { code, outputs: printed ? [{ output_type: 'stream' as const, name: 'stdout' as const, text: printed }] : [] },
  },
});

const chapter: ChapterModel = {
  id: '03-c',
  slug: 'c',
  number: 3,
  title: 'Sea',
  description: '',
  parts: [
    { kind: 'markdown', text: 'prose stays out' },
    cell(1, 'const loop: number[] = [];\nclass Task {}', ''),
    cell(2, 'console.log(loop.length);', '0\n'),
    cell(3, 'const loop = [1];\nconsole.log(loop.length);', '1\n'),
  ],
};

test("a chapter's file is a module with each cell's code as written and its output as a comment", () => {
  const file = chapterTypeScript(chapter);
  expect(file).toContain('export {};');
  expect(file).toContain('// Cell 1\nconst loop: number[] = [];\nclass Task {}\n');
  expect(file).toContain('// Cell 2\nconsole.log(loop.length);\n// Output:\n// 0');
  expect(file).not.toContain('prose stays out');
});

test('a cell that declares a name again opens a block to the end, so the module still compiles', () => {
  const file = chapterTypeScript(chapter);
  expect(file).toMatch(/\/\/ Cell 3\n\{ \/\/ declares loop again[^\n]*\nconst loop = \[1\];/);
  expect(file.trimEnd().endsWith('}')).toBe(true);
  expect(file.match(/\{ \/\/ declares/g)).toHaveLength(1);
});

test('the book puts each chapter in a block of its own', () => {
  const book = bookTypeScript([chapter, { ...chapter, number: 4, title: 'Four' }]);
  expect(book).toContain('// Chapter 3: Sea\n{\n');
  expect(book).toContain('// Chapter 4: Four\n{\n');
});
