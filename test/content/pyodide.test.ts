import { beforeAll, describe, expect, test } from 'vitest';
import { loadTestPyodide } from '../support/pyodide.ts';
import { createPythonSession, type PythonSession } from '../../src/kernel/python/session.ts';
import type { Output } from '../../src/kernel/protocol.ts';
import { normalizeOutputText, outputsText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';

const chapters = readChapters();
let session: PythonSession;
const outputs = new Map<number, Output[]>();
let runId = 0;

beforeAll(async () => {
  const pyodide = await loadTestPyodide();
  session = createPythonSession(pyodide, (id, output) => outputs.get(id)?.push(output));
});

test('there are six chapters, each with cells', () => {
  expect(chapters.map((chapter) => chapter.cells.length > 0)).toEqual([true, true, true, true, true, true]);
});

// The same session code the page's worker runs, on real Pyodide: what passes here runs in the browser.
describe.each(chapters)('chapter $id on Pyodide', (chapter) => {
  beforeAll(() => session.reset());

  test.each(chapter.cells)('cell $index ($id) prints its stored output', async (cell) => {
    const id = ++runId;
    outputs.set(id, []);
    const status = await session.run({ runId: id, code: cell.code, filename: `Cell ${cell.index}`, executionCount: id });
    const text = outputsText(outputs.get(id) ?? []);
    expect(status, text).toBe('ok');
    expect(normalizeOutputText(text)).toBe(normalizeOutputText(cell.output ?? ''));
  });
});
