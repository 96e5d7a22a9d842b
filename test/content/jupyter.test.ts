import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cellParts, type ChapterModel } from '../../src/export/chapter.ts';
import { bookNotebook, chapterNotebook, serializeNotebook, type Notebook } from '../../src/export/ipynb.ts';
import { normalizeOutputText, outputsText } from '../../src/output/text.ts';
import { readChapterModels } from '../support/chapter-models.ts';

// Debian's Jupyter (python3-nbformat, jupyter-nbconvert, python3-ipykernel) lives on the system
// Python, not on whichever python3 comes first on PATH.
const JUPYTER = process.env['JUPYTER'] ?? '/usr/bin/jupyter';
const PYTHON = process.env['JUPYTER_PYTHON'] ?? '/usr/bin/python3';
const HARNESS = join(import.meta.dirname, 'jupyter-harness.py');
const hasJupyter = existsSync(JUPYTER) && spawnSync(PYTHON, ['-c', 'import nbformat, nbconvert, ipykernel']).status === 0;
const chapters = readChapterModels();
const workDir = mkdtempSync(join(tmpdir(), 'notebooks-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

if (!hasJupyter) {
  console.warn(`Jupyter tests skipped: ${JUPYTER} with nbformat, nbconvert and ipykernel on ${PYTHON} is missing (Debian: apt-get install python3-nbformat jupyter-nbconvert python3-ipykernel).`);
}

test.runIf(process.env['CI'] === 'true')('CI has Jupyter', () => {
  expect(hasJupyter, `${JUPYTER} with nbformat, nbconvert and ipykernel`).toBe(true);
});

/** Runs a notebook as Jupyter would, then reads back each code cell's outputs from the executed copy. */
function execute(name: string, notebook: Notebook): Record<string, string> {
  const input = join(workDir, `${name}.ipynb`);
  writeFileSync(input, serializeNotebook(notebook));
  const stored = spawnSync(PYTHON, [HARNESS, input], { encoding: 'utf8' });
  expect(stored.status, `the stored notebook is valid nbformat 4.5: ${stored.stderr}`).toBe(0);
  const run = spawnSync(
    JUPYTER,
    ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=120', '--output', `${name}.out.ipynb`, input],
    { cwd: workDir, encoding: 'utf8', env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' } },
  );
  expect(run.status, run.stderr).toBe(0);
  const executed = spawnSync(PYTHON, [HARNESS, join(workDir, `${name}.out.ipynb`)], { encoding: 'utf8' });
  expect(executed.status, executed.stderr).toBe(0);
  return JSON.parse(executed.stdout) as Record<string, string>;
}

/** Each code cell's id in the notebook, with the output the chapter stores for it. */
function expectedOutputs(notebook: Notebook, models: readonly ChapterModel[]): [string, string][] {
  const stored = models.flatMap((model) => cellParts(model).map((cell) => outputsText(cell.sides.python?.outputs ?? [])));
  const ids = notebook.cells.filter((cell) => cell.cell_type === 'code').map((cell) => cell.id);
  expect(ids.length).toBe(stored.length);
  return ids.map((id, i) => [id, stored[i]!]);
}

function expectSameOutputs(actual: Record<string, string>, expected: [string, string][]): void {
  for (const [id, text] of expected) {
    expect(normalizeOutputText(actual[id] ?? ''), `cell ${id}`).toBe(normalizeOutputText(text));
  }
}

describe.skipIf(!hasJupyter)('chapters as Jupyter notebooks', () => {
  test('Jupyter knows the python3 kernel the notebooks ask for', () => {
    // Debian ships no `jupyter kernelspec` command; jupyter_client's own lookup is what nbconvert uses.
    const found = spawnSync(PYTHON, ['-c', 'from jupyter_client.kernelspec import KernelSpecManager as K; print(K().get_kernel_spec("python3").language)'], { encoding: 'utf8' });
    expect(found.stdout.trim(), found.stderr).toBe('python');
  });

  test.each(chapters)('chapter $number ($slug) is valid nbformat and runs in Jupyter with its stored outputs', (chapter) => {
    const notebook = chapterNotebook(chapter);
    expectSameOutputs(execute(chapter.slug, notebook), expectedOutputs(notebook, [chapter]));
  });

  test('the whole book runs as one notebook', () => {
    const notebook = bookNotebook(chapters);
    expectSameOutputs(execute('book', notebook), expectedOutputs(notebook, chapters));
  });
});
