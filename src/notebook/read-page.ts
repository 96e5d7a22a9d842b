import { isLanguage } from '../lib/languages.ts';
import { required } from '../lib/required.ts';
import { CellModel, type CellSide } from './cell-model.ts';
import { savedEdit } from './edit-persistence.ts';
import { codeFromLink } from './share-link.ts';

/** One side of a cell from its server-rendered code block: the original, a saved edit or linked code. */
function readSide(chapter: string, id: string, host: HTMLElement, stored: string): CellSide {
  const language = host.dataset['language'];
  if (!isLanguage(language)) throw new Error(`Cell ${id}: a code block of an unknown language (${String(language)})`);
  // The highlighted code's text is the original source: the browser has decoded it for us.
  const original = host.querySelector('pre')?.textContent ?? '';
  const linked = codeFromLink(id, language);
  const code = linked ?? savedEdit(chapter, id, language) ?? original;
  return { language, original, code, fromLink: linked !== undefined, stored, outputs: undefined };
}

/**
 * A cell's model from what the server rendered (components/Cell.astro): its sides' code, and each
 * side's stored output (the first side's is the text of the log; a twin's rides on its code block).
 */
export function readCell(element: HTMLElement): CellModel {
  const { chapter = '', cellId: id = '', index = '?' } = element.dataset;
  const log = required<HTMLElement>(element, '[role="log"]');
  const hosts = [...element.querySelectorAll<HTMLElement>('.cell-code[data-language]')];
  const sides = hosts.map((host, i) => readSide(chapter, id, host, i === 0 ? (log.textContent ?? '') : (host.dataset['storedOutput'] ?? '')));
  return new CellModel(chapter, id, index, sides);
}

/** Every cell of the page, in reading order: read once, when the page's notebook is made. */
export function readPageCells(root: ParentNode = document): CellModel[] {
  return [...root.querySelectorAll<HTMLElement>('nb-cell')].map(readCell);
}
