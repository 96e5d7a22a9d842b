import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { runsLoop } from './runs-loop.ts';
import { collectCells, type CellSource } from '../lib/cell-source.ts';

function attribute(name: string, value: string | undefined) {
  return value === undefined ? [] : [{ type: 'mdxJsxAttribute' as const, name, value }];
}

function cellElement(cell: CellSource, chapter: string): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: 'Cell',
    attributes: [
      ...attribute('chapter', chapter),
      ...attribute('id', cell.id),
      ...attribute('index', String(cell.index)),
      ...attribute('title', cell.title),
      // JSON in a string attribute: MDX passes it untouched (its own props would strip indentation).
      ...attribute('sides', JSON.stringify(cell.sides)),
      ...attribute('loop', runsLoop(cell.sides[0]!.code) ? 'true' : undefined),
    ],
    children: [],
  };
}

/** `predict="order"` in a cell fence's info string: the reader predicts the order of its lines first. */
function predictElement(cell: CellSource, meta: string | null | undefined): MdxJsxFlowElement | undefined {
  const output = cell.sides[0]!.output;
  if (!/(?:^|\s)predict="order"/.test(meta ?? '') || output === undefined) return undefined;
  return {
    type: 'mdxJsxFlowElement',
    name: 'Predict',
    attributes: [...attribute('cell', cell.id), ...attribute('output', output)],
    children: [],
  };
}

/**
 * Turns each cell fence (with its output and its twins) into a `<Cell>` element.
 * Code travels as a string attribute set on the tree, never through MDX's own parsing of props,
 * which strips indentation from multi-line template literals and would break Python.
 */
export default function remarkCells() {
  return (tree: Root, file: { path?: string }) => {
    // The chapter's file name (e.g. 04-sleep-ping-pong) keys its cells' saved edits.
    const chapter = (file.path ?? '').split(/[\\/]/).pop()?.replace(/\.mdx?$/, '') ?? '';
    const cells = collectCells(tree);
    if (cells.length === 0) return;
    const replacements = new Map<RootContent, MdxJsxFlowElement[]>();
    for (const { cell, nodes } of cells) {
      const predict = predictElement(cell, nodes[0]?.meta);
      nodes.forEach((node, i) =>
        replacements.set(node, i === 0 ? [...(predict ? [predict] : []), cellElement(cell, chapter)] : []),
      );
    }
    tree.children = tree.children.flatMap((node) => {
      const replacement = replacements.get(node);
      return replacement ? (replacement as unknown as RootContent[]) : [node];
    });
  };
}
