import { withReaderCells, type CellSide, type ChapterModel } from '../export/chapter.ts';
import type { Output } from '../kernel/protocol.ts';
import { pageCells, type CellHandle } from './cells.ts';
import type { Language } from './language.ts';

/** What a cell offers the exporter; `outputsIn` is undefined for a side the reader has not run. */
type ExportableCell = CellHandle & { outputsIn?(language: Language): readonly Output[] | undefined };

/** The chapter with every cell as the reader has it now: their code, and the outputs they see. */
function readerChapter(model: ChapterModel): ChapterModel {
  const cells = new Map((pageCells() as ExportableCell[]).map((cell) => [cell.index, cell]));
  return withReaderCells(model, (part, language): Partial<CellSide> | undefined => {
    const cell = cells.get(String(part.index));
    if (!cell) return undefined;
    const outputs = cell.outputsIn?.(language);
    return { code: cell.codeIn(language), ...(outputs ? { outputs } : {}) };
  });
}

async function buildFile(format: string, modelUrl: string): Promise<Blob> {
  const response = await fetch(modelUrl);
  if (!response.ok) throw new Error(`${modelUrl}: ${response.status}`);
  const model = (await response.json()) as ChapterModel;
  const chapter = readerChapter(model);
  if (format === 'ipynb') {
    const { chapterNotebook, serializeNotebook } = await import('../export/ipynb.ts');
    return new Blob([serializeNotebook(chapterNotebook(chapter))], { type: 'application/x-ipynb+json' });
  }
  const { chapterTypeScript } = await import('../export/typescript-file.ts');
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
