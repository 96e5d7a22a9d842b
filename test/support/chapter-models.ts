import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chapterModel } from '../../src/export/chapter-source.ts';
import type { ChapterModel } from '../../src/export/chapter.ts';
import { CHAPTER_DIR } from './chapters.ts';

/** `title: "x"` or `title: x` from a chapter's frontmatter. */
function field(frontmatter: string, name: string): string {
  const value = new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(frontmatter)?.[1]?.trim() ?? '';
  return value.startsWith('"') ? (JSON.parse(value) as string) : value;
}

/** Every chapter as the exporters see it, made the way the build makes it (the body after the frontmatter). */
export function readChapterModels(): ChapterModel[] {
  return readdirSync(CHAPTER_DIR)
    .filter((file) => /^\d\d-.*\.mdx$/.test(file))
    .sort()
    .map((file, i) => {
      const text = readFileSync(join(CHAPTER_DIR, file), 'utf8');
      const [, frontmatter = '', body = text] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const id = file.replace(/\.mdx$/, '');
      return chapterModel({ id, body, title: field(frontmatter, 'title'), description: field(frontmatter, 'description') }, i + 1);
    });
}
