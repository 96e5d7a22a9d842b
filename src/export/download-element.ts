import { withReaderCells, type CellSide, type ChapterModel } from './chapter.ts';
import type { Notebook } from '../notebook/notebook.ts';
import { getNotebook } from '../notebook/page-notebook.ts';

/** The chapter with every cell as the reader has it now: their code, and the outputs they see (none for a side not run). */
function readerChapter(model: ChapterModel, notebook: Notebook): ChapterModel {
  const cells = new Map(notebook.cells.map((cell) => [cell.index, cell]));
  return withReaderCells(model, (part, language): Partial<CellSide> | undefined => {
    const side = cells.get(String(part.index))?.side(language);
    if (!side) return undefined;
    return { code: side.code, ...(side.outputs ? { outputs: side.outputs } : {}) };
  });
}

async function buildFile(format: string, modelUrl: string): Promise<Blob> {
  const response = await fetch(modelUrl);
  if (!response.ok) throw new Error(`${modelUrl}: ${response.status}`);
  const model = (await response.json()) as ChapterModel;
  const chapter = readerChapter(model, getNotebook());
  if (format === 'ipynb') {
    const { chapterNotebook, serializeNotebook } = await import('./ipynb.ts');
    return new Blob([serializeNotebook(chapterNotebook(chapter))], { type: 'application/x-ipynb+json' });
  }
  const { chapterTypeScript } = await import('./typescript-file.ts');
  return new Blob([chapterTypeScript(chapter)], { type: 'text/plain' });
}

function save(href: string, filename: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * The chapter's download links. Without JavaScript they give the stored files; with it, a click
 * builds the file from the page's cells, so the reader takes away their own code and outputs.
 */
export class NotebookDownloadElement extends HTMLElement {
  connectedCallback(): void {
    const modelUrl = this.dataset['model'];
    if (!modelUrl) return;
    this.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-format]') : null;
      const format = link?.dataset['format'];
      if (!link || !format) return;
      event.preventDefault();
      buildFile(format, modelUrl).then(
        (blob) => {
          const url = URL.createObjectURL(blob);
          save(url, link.download);
          // The download has started by the next task; the URL is not needed after that.
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
        },
        (error: unknown) => {
          console.warn('Could not build the file from the page; downloading the stored one', error);
          save(link.href, link.download);
        },
      );
    });
  }
}

if (!customElements.get('nb-notebook-download')) customElements.define('nb-notebook-download', NotebookDownloadElement);
