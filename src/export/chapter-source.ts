import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isLanguage } from '../lib/languages.ts';
import { collectCells, type CellSource } from '../lib/cell-source.ts';
import { storedOutputs, type ChapterModel, type ChapterPart } from './chapter.ts';

/** What a notebook says in place of a component that only the web page can show. */
const COMPONENT_NOTES: Record<string, string> = {
  EventLoopDiagram:
    '*(On the web page, a diagram shows one turn of the loop: the task at the front of the queue runs one step ' +
    'with `execute()`, and what `execute()` returns goes to the back of the queue.)*',
};

interface Source {
  text: string;
}

function slice(source: Source, from: RootContent, to: RootContent = from): string {
  return source.text.slice(from.position?.start.offset ?? 0, to.position?.end.offset ?? 0);
}

/** A JSX component in the prose: ForLanguage keeps its Markdown, a known picture becomes a note. */
function componentPart(element: MdxJsxFlowElement, source: Source): ChapterPart | undefined {
  if (element.name === 'ForLanguage') {
    const value = element.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'language')?.value;
    const children = element.children as RootContent[];
    if (!isLanguage(value) || children.length === 0) return undefined;
    return { kind: 'markdown', text: slice(source, children[0]!, children[children.length - 1]), language: value };
  }
  const note = element.name ? COMPONENT_NOTES[element.name] : undefined;
  return note === undefined ? undefined : { kind: 'markdown', text: note };
}

function cellPart(cell: CellSource): ChapterPart {
  const sides: Extract<ChapterPart, { kind: 'cell' }>['sides'] = {};
  for (const side of cell.sides) sides[side.language] = { code: side.code, outputs: storedOutputs(side.output, side.code) };
  return { kind: 'cell', id: cell.id, index: cell.index, ...(cell.title ? { title: cell.title } : {}), sides };
}

/**
 * Reads a chapter's MDX body with the same parser and cell finder as the site's build: the prose
 * between cells stays Markdown as written (runs of plain blocks are kept together, with their
 * original spacing), and each cell brings its stored outputs.
 */
export function chapterParts(mdx: string): ChapterPart[] {
  const source = { text: mdx };
  const tree = unified().use(remarkParse).use(remarkMdx).parse(mdx) as Root;
  const cells = new Map<RootContent, CellSource | null>();
  for (const { cell, nodes } of collectCells(tree)) nodes.forEach((node, i) => cells.set(node, i === 0 ? cell : null));

  const parts: ChapterPart[] = [];
  let run: RootContent[] = [];
  const endRun = () => {
    if (run.length > 0) parts.push({ kind: 'markdown', text: slice(source, run[0]!, run[run.length - 1]) });
    run = [];
  };
  for (const node of tree.children) {
    if (cells.has(node)) {
      endRun();
      const cell = cells.get(node);
      if (cell) parts.push(cellPart(cell));
    } else if (node.type === 'mdxJsxFlowElement') {
      endRun();
      const part = componentPart(node, source);
      if (part) parts.push(part);
    } else if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression') {
      endRun();
    } else {
      run.push(node);
    }
  }
  endRun();
  return parts;
}

export function chapterModel(
  entry: { id: string; body: string; title: string; description: string },
  number: number,
): ChapterModel {
  return {
    id: entry.id,
    slug: entry.id.replace(/^\d+-/, ''),
    number,
    title: entry.title,
    description: entry.description,
    parts: chapterParts(entry.body),
  };
}
