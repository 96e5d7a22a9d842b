import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isOutput, type Output } from '../../src/kernel/protocol.ts';
import { normalizeOutputText, outputsText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';

const RUNNER = join(import.meta.dirname, '../../src/kernel/python/runner.py');
const HARNESS = join(import.meta.dirname, 'cpython-harness.py');

/** Runs a chapter's cells in order in one CPython process, through the notebook's runner. */
function runOnCPython(cells: { code: string; filename: string }[]): { outputs: Output[]; status: string }[] {
  const result = spawnSync('python3', [HARNESS], {
    input: JSON.stringify({ runner: RUNNER, cells }),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr || result.error?.message}`);
  const perCell = JSON.parse(result.stdout) as unknown[][];
  return perCell.map((items) => {
    const status = items.find((item): item is { status: string } => typeof item === 'object' && item !== null && 'status' in item);
    return { outputs: items.filter(isOutput), status: status?.status ?? 'missing' };
  });
}

// The lesson is about CPython: every cell must teach the same thing on the machine's python3.
describe.each(readChapters())('chapter $id on CPython', (chapter) => {
  const results = runOnCPython(chapter.cells.map((cell) => ({ code: cell.code, filename: `Cell ${cell.index}` })));

  test.each(chapter.cells.map((cell, i) => ({ ...cell, result: results[i]! })))(
    'cell $index ($id) prints its stored output',
    ({ output, result }) => {
      const text = outputsText(result.outputs);
      expect(result.status, text).toBe('ok');
      expect(normalizeOutputText(text)).toBe(normalizeOutputText(output ?? ''));
    },
  );
});
