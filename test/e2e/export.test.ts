import { readFileSync } from 'node:fs';
import type { Download } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chapterNotebook, serializeNotebook, type Notebook } from '../../src/export/ipynb.ts';
import { chapterTypeScript } from '../../src/export/typescript-file.ts';
import { readChapterModels } from '../support/chapter-models.ts';
import type { NotebookPage } from './support/notebook-page.ts';
import { playwrightPageOf } from './support/playwright-escape-hatch.ts';
import { hasChromium, siteURL, useSite } from './support/site.ts';

const task = readChapterModels().find((chapter) => chapter.slug === 'task')!;

/** Clicks the download link named `name` and reads the file the browser saved (downloads: Playwright only). */
async function downloadText(page: NotebookPage, name: RegExp): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([playwrightPageOf(page).waitForEvent('download'), page.find({ role: 'link', name }).click()]);
  const path = await download.path();
  return { download, text: readFileSync(path, 'utf8') };
}

/** What the site serves at `path`, fetched as any HTTP client would. */
async function served(path: string): Promise<Response> {
  return fetch(siteURL(path));
}

/** Replaces cell `index`'s code as a paste into its editor would, and waits for the "modified" mark. */
async function editCell(page: NotebookPage, index: number, code: string): Promise<void> {
  const cell = page.cell(index);
  await cell.replaceCode(code);
  await expect.poll(() => cell.isModified()).toBe(true);
}

function codeCells(notebook: Notebook) {
  return notebook.cells.filter((cell) => cell.cell_type === 'code');
}

describe.skipIf(!hasChromium)('taking a chapter away', () => {
  const site = useSite({ downloads: true });

  test('every chapter links its notebook, and the stored files are the ones the exporters make', async () => {
    const page = await site.open('task/');
    await expect.poll(() => page.find({ role: 'link', name: /^Download.*\.ipynb/ }).count()).toBeGreaterThan(0);
    expect(await (await served('notebooks/task.ipynb')).text()).toBe(serializeNotebook(chapterNotebook(task)));
    expect(await (await served('notebooks/task.ts')).text()).toBe(chapterTypeScript(task));
    expect((await served('notebooks/event-loop-notebook.ipynb')).ok).toBe(true);
  });

  test("the notebook download carries the reader's edited code, and stored outputs for cells not run", async () => {
    const page = await site.open('task/');
    await editCell(page, 1, 'print("taken away")');
    const { download, text } = await downloadText(page, /^Download this chapter as a notebook \(\.ipynb\)/);
    expect(download.suggestedFilename()).toBe('task.ipynb');
    const notebook = JSON.parse(text) as Notebook;
    expect(notebook).toMatchObject({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3' } } });
    expect(notebook.cells[0]).toMatchObject({ cell_type: 'markdown', source: expect.arrayContaining([`# ${task.title}\n`]) });
    const cells = codeCells(notebook);
    const stored = codeCells(chapterNotebook(task));
    expect(cells.map((cell) => cell.id)).toEqual(stored.map((cell) => cell.id));
    expect(cells[0]!.source.join('')).toBe('print("taken away")');
    // A cell the reader did not touch or run comes as stored.
    expect(cells.at(-1)).toEqual(stored.at(-1));
    expect(page.errors()).toEqual([]);
  });

  test('the notebook download carries the outputs the reader sees', async () => {
    const page = await site.open('task/');
    await editCell(page, 1, 'print("seen on the page")');
    expect(await page.cell(1).run()).toContain('seen on the page');
    const { text } = await downloadText(page, /^Download this chapter as a notebook \(\.ipynb\)/);
    const first = codeCells(JSON.parse(text) as Notebook)[0]!;
    expect(first.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: ['seen on the page\n'] }]);
  });

  test("the TypeScript download is a module with the reader's TypeScript code", async () => {
    const page = await site.openChapter('task', { language: 'typescript' });
    await editCell(page, 1, 'console.log("typed and taken");');
    const { download, text } = await downloadText(page, /^Download its TypeScript \(\.ts\)/);
    expect(download.suggestedFilename()).toBe('task.ts');
    expect(text).toContain('export {};');
    expect(text).toContain('// Cell 1');
    expect(text).toContain('console.log("typed and taken");');
  });
});
