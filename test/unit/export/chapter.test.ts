import { describe, expect, test } from 'vitest';
import { storedOutputs, withReaderCells, type ChapterModel } from '../../../src/export/chapter.ts';

describe('storedOutputs', () => {
  test('printed text is a stdout stream', () => {
    expect(storedOutputs('a\nb', "print('a')\nprint('b')")).toEqual([{ output_type: 'stream', name: 'stdout', text: 'a\nb\n' }]);
  });

  test('a cell that only names a value shows it as the result', () => {
    expect(storedOutputs("['ping', 'pong']", 'results  # what gather gave back\n')).toEqual([
      { output_type: 'execute_result', execution_count: 0, data: { 'text/plain': "['ping', 'pong']" } },
    ]);
  });

  test('no stored output, no outputs', () => {
    expect(storedOutputs(undefined, 'x = 1')).toEqual([]);
  });
});

test("withReaderCells puts the reader's code and outputs in place and keeps the rest", () => {
  const chapter: ChapterModel = {
    id: '01-a',
    slug: 'a',
    number: 1,
    title: 'A',
    description: 'D',
    parts: [
      { kind: 'markdown', text: 'Hi' },
      { kind: 'cell', id: 'c', index: 1, sides: { python: { code: 'print(1)', outputs: [] }, typescript: { code: 'x', outputs: [] } } },
    ],
  };
  const edited = withReaderCells(chapter, (_cell, language) =>
    language === 'python' ? { code: 'print(2)', outputs: [{ output_type: 'stream', name: 'stdout', text: '2\n' }] } : undefined,
  );
  expect(edited.parts[0]).toBe(chapter.parts[0]);
  expect(edited.parts[1]).toMatchObject({
    sides: { python: { code: 'print(2)', outputs: [{ text: '2\n' }] }, typescript: { code: 'x', outputs: [] } },
  });
});
