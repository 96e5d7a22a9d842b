import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { collectCells, sideOf, type CellSource } from '../../src/lib/cell-source.ts';

/**
 * A chapter's cell as the tests read it: the Python side's code and stored output at the top, the
 * TypeScript twin beside it, and the parser's own record for tests that need every side.
 */
export interface ChapterCell {
  id: string;
  index: number;
  title: string | undefined;
  code: string;
  output: string | undefined;
  twin: { code: string; output: string | undefined } | undefined;
  source: CellSource;
}

function chapterCell(source: CellSource): ChapterCell {
  const python = sideOf(source, 'python')!;
  const twin = sideOf(source, 'typescript');
  return {
    id: source.id,
    index: source.index,
    title: source.title,
    code: python.code,
    output: python.output,
    twin: twin && { code: twin.code, output: twin.output },
    source,
  };
}

export const CHAPTER_DIR = join(import.meta.dirname, '../../content/chapters');

export interface ChapterSource {
  /** File name without extension, e.g. `04-sleep-ping-pong`. */
  id: string;
  /** URL segment, e.g. `sleep-ping-pong`. */
  slug: string;
  cells: ChapterCell[];
}

/** Every chapter's cells, read with the same parser and cell finder the site's build uses. */
export function readChapters(): ChapterSource[] {
  return readdirSync(CHAPTER_DIR)
    .filter((file) => /^\d\d-.*\.mdx$/.test(file))
    .sort()
    .map((file) => {
      const tree = unified().use(remarkParse).use(remarkMdx).parse(readFileSync(join(CHAPTER_DIR, file), 'utf8'));
      const id = file.replace(/\.mdx$/, '');
      return { id, slug: id.replace(/^\d+-/, ''), cells: collectCells(tree).map(({ cell }) => chapterCell(cell)) };
    });
}
