import type { Output } from '../kernel/protocol.ts';
import type { Language } from '../lib/languages.ts';

/** One language's side of a cell: the code and the outputs that go with it. */
export interface CellSide {
  code: string;
  outputs: readonly Output[];
}

/**
 * A chapter as the exporters see it: prose and cells in reading order. The build makes it from the
 * chapter's MDX (chapter-source.ts); the page replaces the cells' code and outputs with the reader's.
 */
export type ChapterPart =
  /** Markdown as written in the chapter; `language` when it is prose for one language only. */
  | { kind: 'markdown'; text: string; language?: Language }
  | {
      kind: 'cell';
      id: string;
      /** 1-based position, as the page counts cells. */
      index: number;
      title?: string;
      sides: Partial<Record<Language, CellSide>>;
    };

export interface ChapterModel {
  /** URL segment, e.g. `sleep-ping-pong`. */
  slug: string;
  /** File name without extension, e.g. `04-sleep-ping-pong`; keys the reader's saved edits. */
  id: string;
  number: number;
  title: string;
  description: string;
  parts: ChapterPart[];
}

export const BOOK_TITLE = 'Event loop notebook';

export type CellPart = Extract<ChapterPart, { kind: 'cell' }>;

export function cellParts(chapter: ChapterModel): CellPart[] {
  return chapter.parts.filter((part): part is CellPart => part.kind === 'cell');
}

/** The last line of code that is not blank and not a comment. */
function lastCodeLine(code: string): string {
  const lines = code.split('\n').map((line) => line.trimEnd());
  const last = lines.reverse().find((line) => line.trim() !== '' && !/^\s*(#|\/\/)/.test(line)) ?? '';
  // A trailing comment is not part of the value (only a bare name is looked for, so no string can hold it).
  return last.replace(/\s+(#|\/\/).*$/, '');
}

/**
 * A chapter stores what a cell shows as plain text, without saying which part was printed and
 * which was the value of the last line. Only a cell that prints nothing and ends with a bare name
 * (like `results`) is sure to show a value; everything else is kept as printed text, which is what
 * a reader sees either way.
 */
export function storedOutputs(text: string | undefined, code: string): Output[] {
  if (text === undefined || text === '') return [];
  const printed = /\bprint\(|\bconsole\.\w+\(/.test(code);
  if (!printed && /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*;?$/.test(lastCodeLine(code))) {
    return [{ output_type: 'execute_result', execution_count: 0, data: { 'text/plain': text } }];
  }
  return [{ output_type: 'stream', name: 'stdout', text: text.endsWith('\n') ? text : `${text}\n` }];
}

/** The chapter with the reader's code and outputs in place of the stored ones, where they differ. */
export function withReaderCells(
  chapter: ChapterModel,
  reader: (cell: CellPart, language: Language) => Partial<CellSide> | undefined,
): ChapterModel {
  const parts = chapter.parts.map((part): ChapterPart => {
    if (part.kind !== 'cell') return part;
    const sides: Partial<Record<Language, CellSide>> = {};
    for (const [language, side] of Object.entries(part.sides) as [Language, CellSide][]) {
      const override = reader(part, language);
      sides[language] = { code: override?.code ?? side.code, outputs: override?.outputs ?? side.outputs };
    }
    return { ...part, sides };
  });
  return { ...chapter, parts };
}
