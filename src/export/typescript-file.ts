import { prepareCell } from '../kernel/typescript/prepare-cell.ts';
import { outputsText } from '../output/text.ts';
import { BOOK_TITLE, cellParts, type ChapterModel } from './chapter.ts';

/** Top-level names a cell declares; a cell that does not parse declares nothing we can see. */
function declaredNames(code: string): string[] {
  try {
    return prepareCell(code).names;
  } catch {
    return [];
  }
}

function commented(text: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? '//' : `// ${line}`))
    .join('\n');
}

/**
 * A chapter's TypeScript cells as one module. In a notebook a later cell may declare a name again
 * and replace it for the cells after it; a module cannot declare one twice in a scope, so such a
 * cell opens a block that lasts to the end: it shadows the earlier name for what follows, and the
 * code stays as the reader wrote it.
 */
function chapterBody(chapter: ChapterModel): string {
  const pieces: string[] = [];
  let inScope = new Set<string>();
  let blocks = 0;
  for (const cell of cellParts(chapter)) {
    const side = cell.sides.typescript;
    if (!side) continue;
    const names = declaredNames(side.code);
    const again = names.filter((name) => inScope.has(name));
    let header = `// Cell ${cell.index}${cell.title ? `: ${cell.title}` : ''}`;
    if (again.length > 0) {
      blocks += 1;
      inScope = new Set();
      header = `${header}\n{ // declares ${again.join(', ')} again: a new scope, as a later notebook cell replaces a name`;
    }
    for (const name of names) inScope.add(name);
    const output = outputsText(side.outputs);
    const shown = output === '' ? '' : `\n// Output:\n${commented(output)}`;
    pieces.push(`${header}\n${side.code.replace(/\n$/, '')}${shown}`);
  }
  return `${pieces.join('\n\n')}${'\n}'.repeat(blocks)}`;
}

const RUN_NOTE = [
  '// Run it with Deno (`deno run file.ts`) or Node 22.18 and later (`node file.ts`), which strip the types.',
  '// The output each cell showed is in the comment after it.',
].join('\n');

/** One chapter's TypeScript cells as a `.ts` module that runs under Deno or Node. */
export function chapterTypeScript(chapter: ChapterModel): string {
  return `// ${BOOK_TITLE}, chapter ${chapter.number}: ${chapter.title} (the TypeScript cells)\n${RUN_NOTE}\nexport {};\n\n${chapterBody(chapter)}\n`;
}

/** Every chapter in one module, each in a block of its own: chapters are separate notebooks. */
export function bookTypeScript(chapters: readonly ChapterModel[]): string {
  const blocks = chapters.map((chapter) => `// Chapter ${chapter.number}: ${chapter.title}\n{\n${chapterBody(chapter)}\n}`);
  return `// ${BOOK_TITLE}: every chapter, in TypeScript.\n${RUN_NOTE}\nexport {};\n\n${blocks.join('\n\n')}\n`;
}
