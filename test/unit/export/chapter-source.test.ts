import { describe, expect, test } from 'vitest';
import { chapterParts } from '../../../src/export/chapter-source.ts';

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
