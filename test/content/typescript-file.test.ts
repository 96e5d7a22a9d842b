import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transform } from 'sucrase';
import { afterAll, expect, test } from 'vitest';
import type { Output } from '../../src/kernel/protocol.ts';
import { cellParts, type ChapterModel } from '../../src/export/chapter.ts';
import { bookTypeScript, chapterTypeScript } from '../../src/export/typescript-file.ts';
import { normalizeOutputText, outputsText } from '../../src/output/text.ts';
import { readChapterModels } from '../support/chapter-models.ts';

const chapters = readChapterModels();
const workDir = mkdtempSync(join(tmpdir(), 'typescript-files-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Runs a downloaded .ts file in Node the way Node 22.18+ would: types stripped (here by sucrase, as the kernel does). */
function runInNode(name: string, source: string): string {
  const file = join(workDir, `${name}.mjs`);
  writeFileSync(file, transform(source, { transforms: ['typescript'], disableESTransforms: true }).code);
  const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout + run.stderr;
}

/** What a file prints: the cells' printed output (a last expression's value is only in the comments). */
function printed(models: readonly ChapterModel[]): string {
  const streams = (outputs: readonly Output[]) => outputs.filter((output) => output.output_type === 'stream');
  return models.flatMap((model) => cellParts(model).map((cell) => outputsText(streams(cell.sides.typescript?.outputs ?? [])))).join('');
}

test.each(chapters)("chapter $number's .ts file runs in Node and prints the stored outputs", (chapter) => {
  expect(normalizeOutputText(runInNode(chapter.slug, chapterTypeScript(chapter)))).toBe(normalizeOutputText(printed([chapter])));
});

test("the whole book's .ts file runs in Node and prints every chapter's outputs", () => {
  expect(normalizeOutputText(runInNode('book', bookTypeScript(chapters)))).toBe(normalizeOutputText(printed(chapters)));
});
