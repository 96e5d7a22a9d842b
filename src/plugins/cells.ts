import type { Code, Root, RootContent } from 'mdast';

/** A runnable cell as written in a chapter: a `python cell` fence and the `output` fence after it. */
export interface CellSource {
  /** Stable id, unique in its chapter; keys the reader's saved edits. */
  id: string;
  /** 1-based position in the chapter, as the reader counts cells. */
  index: number;
  title: string | undefined;
  language: 'python';
  code: string;
  /** The output stored with the cell; `undefined` when the cell prints nothing. */
  output: string | undefined;
  /** The same cell in TypeScript (a `ts twin` fence after it), with its own stored output. */
  twin: { language: 'typescript'; code: string; output: string | undefined } | undefined;
}

/** A `ts twin` fence: the TypeScript version of the cell just before it. */
function isTwinFence(node: RootContent | undefined): boolean {
  return node?.type === 'code' && node.lang === 'ts' && node.meta?.trim() === 'twin';
}

const ATTRIBUTE = /(?:^|\s)([a-z]+)="([^"]*)"/g;

/** Reads `cell id="x" title="y"` from a fence's info string; `null` when the fence is not a cell. */
export function parseCellMeta(meta: string | null | undefined): { id: string; title: string | undefined } | null {
  if (!meta || !/^cell(\s|$)/.test(meta)) return null;
  const attributes = new Map<string, string>();
  for (const [, name, value] of meta.matchAll(ATTRIBUTE)) attributes.set(name!, value!);
  const id = attributes.get('id');
  if (!id || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw new Error(`A cell fence needs id="kebab-case-id"; got: ${meta}`);
  }
  return { id, title: attributes.get('title') };
}

function isOutputFence(node: RootContent | undefined): node is Code {
  return node?.type === 'code' && node.lang === 'output';
}

/**
 * Finds the cells of a chapter, in order. Throws on duplicate ids and on stray output fences,
 * because either would silently break saved edits or the content tests.
 */
export interface FoundCell {
  cell: CellSource;
  /** Every fence that belongs to the cell: its code, its output, its twin and the twin's output. */
  nodes: Code[];
}

export function collectCells(tree: Root): FoundCell[] {
  const found: FoundCell[] = [];
  const seen = new Set<string>();
  const children = tree.children;
  children.forEach((node, i) => {
    if (node.type !== 'code') return;
    if (node.lang === 'output') {
      const previous = children[i - 1];
      if (!(previous?.type === 'code' && (parseCellMeta(previous.meta) || isTwinFence(previous)))) {
        throw new Error(`An output fence must follow a cell fence (line ${node.position?.start.line ?? '?'})`);
      }
      return;
    }
    if (isTwinFence(node)) {
      const owner = found[found.length - 1];
      const before = children[i - 1];
      const afterCell = owner && (before === owner.nodes[0] || before === owner.nodes[1]);
      if (!afterCell || owner.cell.twin) {
        throw new Error(`A ts twin fence must follow a python cell (line ${node.position?.start.line ?? '?'})`);
      }
      const next = children[i + 1];
      const outputNode = isOutputFence(next) ? next : undefined;
      owner.cell.twin = { language: 'typescript', code: node.value, output: outputNode?.value };
      owner.nodes.push(node, ...(outputNode ? [outputNode] : []));
      return;
    }
    const meta = parseCellMeta(node.meta);
    if (!meta) return;
    if (node.lang !== 'python') throw new Error(`Cell ${meta.id}: only python cells are supported`);
    if (seen.has(meta.id)) throw new Error(`Duplicate cell id: ${meta.id}`);
    seen.add(meta.id);
    const next = children[i + 1];
    const outputNode = isOutputFence(next) ? next : undefined;
    found.push({
      cell: {
        id: meta.id,
        index: found.length + 1,
        title: meta.title,
        language: 'python',
        code: node.value,
        output: outputNode?.value,
        twin: undefined,
      },
      nodes: outputNode ? [node, outputNode] : [node],
    });
  });
  return found;
}
