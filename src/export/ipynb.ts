import { assertNever } from '../lib/assert-never.ts';
import type { MimeBundle, Output } from '../kernel/protocol.ts';
import { PRIMARY_LANGUAGE, languageRow, type JupyterLanguage, type Language } from '../lib/languages.ts';
import { BOOK_TITLE, type ChapterModel, type ChapterPart } from './chapter.ts';

/** Multi-line strings as nbformat writes them on disk: one string per line, line ends kept. */
type MultilineString = string[];

export type NotebookOutput =
  | { output_type: 'stream'; name: 'stdout' | 'stderr'; text: MultilineString }
  | { output_type: 'execute_result'; execution_count: number; data: Record<string, MultilineString>; metadata: object }
  | { output_type: 'display_data'; data: Record<string, MultilineString>; metadata: object }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };

export type NotebookCell =
  | { cell_type: 'markdown'; id: string; metadata: object; source: MultilineString }
  | {
      cell_type: 'code';
      id: string;
      metadata: object;
      source: MultilineString;
      execution_count: number | null;
      outputs: NotebookOutput[];
    };

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: NotebookCell[];
}

/** The notebook's language: the chapters' own, which a standard Jupyter kernel runs. */
const LANGUAGE: Language = PRIMARY_LANGUAGE;
const METADATA = requiredJupyter(LANGUAGE);

function requiredJupyter(language: Language): JupyterLanguage {
  const jupyter = languageRow(language).jupyter;
  if (!jupyter) throw new Error(`No Jupyter kernel runs ${languageRow(language).label}: a notebook needs one`);
  return jupyter;
}

export function lines(text: string): MultilineString {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function bundle(data: MimeBundle): Record<string, MultilineString> {
  return Object.fromEntries(Object.entries(data).map(([mime, value]) => [mime, lines(value)]));
}

/** Jupyter's outputs for a cell; consecutive writes to one stream become one output, as in Jupyter. */
export function notebookOutputs(outputs: readonly Output[], executionCount: number): NotebookOutput[] {
  const result: NotebookOutput[] = [];
  let stream: { name: 'stdout' | 'stderr'; text: string } | undefined;
  const endStream = () => {
    if (stream) result.push({ output_type: 'stream', name: stream.name, text: lines(stream.text) });
    stream = undefined;
  };
  for (const output of outputs) {
    if (output.output_type === 'stream') {
      if (stream?.name !== output.name) endStream();
      stream = { name: output.name, text: (stream?.text ?? '') + output.text };
      continue;
    }
    endStream();
    switch (output.output_type) {
      case 'execute_result':
        result.push({ output_type: 'execute_result', execution_count: executionCount, data: bundle(output.data), metadata: {} });
        break;
      case 'display_data':
        result.push({ output_type: 'display_data', data: bundle(output.data), metadata: {} });
        break;
      case 'error':
        // Jupyter joins traceback entries with line breaks; ours end with one already.
        result.push({ ...output, traceback: output.traceback.map((entry) => entry.replace(/\n$/, '')) });
        break;
      default:
        assertNever(output, 'output');
    }
  }
  endStream();
  return result;
}

/** Ids are unique, at most 64 characters of [A-Za-z0-9_-] (nbformat 4.5). */
function uniqueIds(): (wanted: string) => string {
  const taken = new Set<string>();
  return (wanted) => {
    const base = wanted.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 56) || 'cell';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}

function chapterHeading(chapter: ChapterModel): string {
  return `# ${chapter.title}\n\nChapter ${chapter.number} of *${BOOK_TITLE}*. ${chapter.description}`;
}

/** The parts of a chapter as notebook cells: prose for this language, runs of prose joined into one cell. */
function chapterCells(chapter: ChapterModel, id: (wanted: string) => string, prefix: string, counter: { count: number }): NotebookCell[] {
  const cells: NotebookCell[] = [];
  let prose: string[] = [chapterHeading(chapter)];
  const endProse = (before: string) => {
    if (prose.length > 0) cells.push({ cell_type: 'markdown', id: id(`${prefix}${before}-prose`), metadata: {}, source: lines(prose.join('\n\n')) });
    prose = [];
  };
  for (const part of chapter.parts as ChapterPart[]) {
    if (part.kind === 'markdown') {
      if (part.language === undefined || part.language === LANGUAGE) prose.push(part.text);
      continue;
    }
    const side = part.sides[LANGUAGE];
    if (!side) continue;
    endProse(part.id);
    // Numbered as if run from top to bottom, which is how the notebook is meant to be run.
    const count = ++counter.count;
    cells.push({
      cell_type: 'code',
      id: id(`${prefix}${part.id}`),
      metadata: {},
      source: lines(side.code),
      execution_count: count,
      outputs: notebookOutputs(side.outputs, count),
    });
  }
  endProse('end');
  return cells;
}

function notebook(cells: NotebookCell[], title: string): Notebook {
  return { nbformat: 4, nbformat_minor: 5, metadata: { ...METADATA, title }, cells };
}

/** One chapter as an nbformat 4.5 notebook for Jupyter's python3 kernel. */
export function chapterNotebook(chapter: ChapterModel): Notebook {
  return notebook(chapterCells(chapter, uniqueIds(), '', { count: 0 }), chapter.title);
}

/** Every chapter, in order, as one notebook; ids carry the chapter's number to stay unique. */
export function bookNotebook(chapters: readonly ChapterModel[]): Notebook {
  const id = uniqueIds();
  const counter = { count: 0 };
  const intro: NotebookCell = {
    cell_type: 'markdown',
    id: id('book'),
    metadata: {},
    source: lines(`# ${BOOK_TITLE}\n\nEvery chapter in one notebook. Run the cells from top to bottom; each chapter defines again what it uses.`),
  };
  return notebook([intro, ...chapters.flatMap((chapter) => chapterCells(chapter, id, `ch${chapter.number}-`, counter))], BOOK_TITLE);
}

/** The file as Jupyter writes it: indented JSON with a final line break. */
export function serializeNotebook(value: Notebook): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
