import { describe, expect, test } from 'vitest';
import type { ChapterModel } from '../../../src/export/chapter.ts';
import { bookNotebook, chapterNotebook, lines, notebookOutputs } from '../../../src/export/ipynb.ts';

const chapter: ChapterModel = {
  id: '02-b',
  slug: 'b',
  number: 2,
  title: 'Bee',
  description: 'About bees.',
  parts: [
    { kind: 'markdown', text: '## Start' },
    { kind: 'markdown', text: 'Python only.', language: 'python' },
    { kind: 'markdown', text: 'TypeScript only.', language: 'typescript' },
    {
      kind: 'cell',
      id: 'first',
      index: 1,
      sides: {
        python: { code: 'x = 1\nx', outputs: [{ output_type: 'execute_result', execution_count: 7, data: { 'text/plain': '1' } }] },
        typescript: { code: 'const x = 1;', outputs: [] },
      },
    },
    { kind: 'markdown', text: 'Between.' },
    { kind: 'cell', id: 'second', index: 2, sides: { python: { code: 'print(2)\n', outputs: [] } } },
  ],
};

describe('chapterNotebook', () => {
  const notebook = chapterNotebook(chapter);

  test('is nbformat 4.5 for the python3 kernel', () => {
    expect(notebook).toMatchObject({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'python3', language: 'python' }, language_info: { name: 'python' } },
    });
  });

  test('prose becomes markdown cells: the title first, Python prose only, runs of prose joined', () => {
    const markdown = notebook.cells.filter((cell) => cell.cell_type === 'markdown').map((cell) => cell.source.join(''));
    expect(markdown).toEqual(['# Bee\n\nChapter 2 of *Event loop notebook*. About bees.\n\n## Start\n\nPython only.', 'Between.']);
  });

  test('code cells keep their ids, code and outputs, numbered from the top', () => {
    const code = notebook.cells.filter((cell) => cell.cell_type === 'code');
    expect(code.map((cell) => [cell.id, cell.source, cell.execution_count])).toEqual([
      ['first', ['x = 1\n', 'x'], 1],
      ['second', ['print(2)\n'], 2],
    ]);
    expect(code[0]!.outputs).toEqual([{ output_type: 'execute_result', execution_count: 1, data: { 'text/plain': ['1'] }, metadata: {} }]);
  });

  test('every cell id is unique and nbformat-shaped', () => {
    const ids = notebook.cells.map((cell) => cell.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});

describe('notebookOutputs', () => {
  test('joins consecutive writes to a stream, as Jupyter does', () => {
    expect(
      notebookOutputs(
        [
          { output_type: 'stream', name: 'stdout', text: 'a\n' },
          { output_type: 'stream', name: 'stdout', text: 'b\n' },
          { output_type: 'stream', name: 'stderr', text: 'oops\n' },
        ],
        1,
      ),
    ).toEqual([
      { output_type: 'stream', name: 'stdout', text: ['a\n', 'b\n'] },
      { output_type: 'stream', name: 'stderr', text: ['oops\n'] },
    ]);
  });

  test('errors keep their traceback lines without the line breaks Jupyter adds itself', () => {
    expect(
      notebookOutputs([{ output_type: 'error', ename: 'ValueError', evalue: 'no', traceback: ['Traceback:\n', 'ValueError: no\n'] }], 1),
    ).toEqual([{ output_type: 'error', ename: 'ValueError', evalue: 'no', traceback: ['Traceback:', 'ValueError: no'] }]);
  });

  test('display data keeps every MIME type', () => {
    expect(notebookOutputs([{ output_type: 'display_data', data: { 'text/plain': 'hi', 'text/html': '<b>hi</b>' } }], 1)).toEqual([
      { output_type: 'display_data', data: { 'text/plain': ['hi'], 'text/html': ['<b>hi</b>'] }, metadata: {} },
    ]);
  });
});

test('lines keeps line ends, as nbformat stores multi-line text', () => {
  expect(lines('a\nb\n')).toEqual(['a\n', 'b\n']);
  expect(lines('a\nb')).toEqual(['a\n', 'b']);
  expect(lines('')).toEqual([]);
});

test('the book has every chapter, with ids unique across chapters', () => {
  const book = bookNotebook([chapter, { ...chapter, number: 3 }]);
  const ids = book.cells.map((cell) => cell.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(book.cells.filter((cell) => cell.cell_type === 'code').map((cell) => cell.execution_count)).toEqual([1, 2, 3, 4]);
});
