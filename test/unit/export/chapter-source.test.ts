import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chapterParts } from '../../../src/export/chapter-source.ts';
import { readChapterModels } from '../../support/chapter-models.ts';
import { CHAPTER_DIR, readChapters } from '../../support/chapters.ts';

const mdx = [
  "import EventLoopDiagram from '../../components/EventLoopDiagram.astro';",
  '',
  '## First',
  '',
  'Some *prose*.',
  '',
  '```python cell id="one" title="One"',
  'print(1)',
  '```',
  '',
  '```output',
  '1',
  '```',
  '',
  '```ts twin',
  'console.log(1);',
  '```',
  '',
  '```output',
  '1',
  '```',
  '',
  '<EventLoopDiagram />',
  '',
  '<ForLanguage language="typescript">',
  '',
  '**Only** for TypeScript.',
  '',
  '</ForLanguage>',
  '',
  'The end.',
].join('\n');

describe('chapterParts', () => {
  const parts = chapterParts(mdx);

  test('keeps the prose between cells as written, without the import', () => {
    expect(parts[0]).toEqual({ kind: 'markdown', text: '## First\n\nSome *prose*.' });
    expect(parts.at(-1)).toEqual({ kind: 'markdown', text: 'The end.' });
  });

  test('a cell brings both sides, each with its stored output', () => {
    expect(parts[1]).toEqual({
      kind: 'cell',
      id: 'one',
      index: 1,
      title: 'One',
      sides: {
        python: { code: 'print(1)', outputs: [{ output_type: 'stream', name: 'stdout', text: '1\n' }] },
        typescript: { code: 'console.log(1);', outputs: [{ output_type: 'stream', name: 'stdout', text: '1\n' }] },
      },
    });
  });

  test('a diagram becomes a note; ForLanguage keeps its Markdown for its language', () => {
    expect(parts[2]).toMatchObject({ kind: 'markdown', text: expect.stringContaining('diagram') });
    expect(parts[3]).toEqual({ kind: 'markdown', text: '**Only** for TypeScript.', language: 'typescript' });
  });
});

describe('the chapters as models', () => {
  const models = readChapterModels();
  const chapters = readChapters();

  test.each(models.map((model, i) => [model.slug, model, chapters[i]!] as const))(
    '%s keeps every cell in order and every heading of its prose',
    (_slug, model, chapter) => {
      const cells = model.parts.filter((part) => part.kind === 'cell');
      expect(cells.map((cell) => cell.id)).toEqual(chapter.cells.map((cell) => cell.id));
      const source = readFileSync(join(CHAPTER_DIR, `${chapter.id}.mdx`), 'utf8');
      const headings = source.split('\n').filter((line) => /^##+ /.test(line));
      const prose = model.parts.flatMap((part) => (part.kind === 'markdown' ? [part.text] : [])).join('\n');
      for (const heading of headings) expect(prose).toContain(heading);
      // No JSX component and no MDX import is left in the Markdown.
      expect(prose).not.toMatch(/^<\/?[A-Z]\w*[\s/>]|^import .* from '/m);
    },
  );
});
