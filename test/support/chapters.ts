import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { collectCells, type CellSource } from '../../src/plugins/cells.ts';

export const CHAPTER_DIR = join(import.meta.dirname, '../../content/chapters');

export interface ChapterSource {
  /** File name without extension, e.g. `04-sleep-ping-pong`. */
  id: string;
  /** URL segment, e.g. `sleep-ping-pong`. */
  slug: string;
  cells: CellSource[];
}

/** Every chapter's cells, read with the same parser and cell finder the site's build uses. */
export function readChapters(): ChapterSource[] {
  return readdirSync(CHAPTER_DIR)
    .filter((file) => /^\d\d-.*\.mdx$/.test(file))
    .sort()
    .map((file) => {
      const tree = unified().use(remarkParse).use(remarkMdx).parse(readFileSync(join(CHAPTER_DIR, file), 'utf8'));
      const id = file.replace(/\.mdx$/, '');
      return { id, slug: id.replace(/^\d+-/, ''), cells: collectCells(tree).map(({ cell }) => cell) };
    });
}
