import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Output } from '../../src/kernel/protocol.ts';
import { createTypeScriptSession } from '../../src/kernel/typescript/typescript-session.ts';
import { normalizeOutputText, outputsText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';

const chapters = readChapters();
const outputs = new Map<number, Output[]>();
let runId = 0;
// The same transpile-and-run code the page's TypeScript worker uses.
const session = createTypeScriptSession((id, output) => outputs.get(id)?.push(output));
afterAll(() => session.dispose());

test('every cell of every chapter has a TypeScript twin', () => {
  const missing = chapters.flatMap((chapter) => chapter.cells.filter((cell) => !cell.twin).map((cell) => `${chapter.id}#${cell.id}`));
  expect(missing).toEqual([]);
});

describe.each(chapters)('chapter $id in TypeScript', (chapter) => {
  beforeAll(() => session.reset());
  const twins = chapter.cells.filter((cell) => cell.twin);

  test.skipIf(twins.length === 0).each(twins)('cell $index ($id) prints its stored output', async (cell) => {
    const id = ++runId;
    outputs.set(id, []);
    const status = await session.run({ runId: id, code: cell.twin!.code, filename: `Cell ${cell.index}`, executionCount: id });
    const text = outputsText(outputs.get(id) ?? []);
    expect(status, text).toBe('ok');
    expect(normalizeOutputText(text)).toBe(normalizeOutputText(cell.twin!.output ?? ''));
  });
});

test('Ping/Pong and gather print the same lines in both languages', () => {
  const programs = chapters
    .flatMap((chapter) => chapter.cells)
    .filter((cell) => cell.output?.includes('End ping'));
  expect(programs.length).toBeGreaterThanOrEqual(2);
  for (const cell of programs) expect(cell.twin?.output).toBe(cell.output);
});
