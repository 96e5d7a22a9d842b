import type { Code, Root, RootContent } from 'mdast';
import { LANGUAGE_TABLE, PRIMARY_LANGUAGE, languageOfFence, type Language } from './languages.ts';

/** One language's side of a cell as written: its fence's code and the `output` fence after it. */
export interface SideSource {
  language: Language;
  code: string;
  /** The output stored with this side; `undefined` when it prints nothing. */
  output: string | undefined;
}

/**
 * A runnable cell as written in a chapter: a cell fence in the chapters' own language
 * (```` ```python cell id="..." ````), then a twin fence per other language (```` ```ts twin ````),
 * each followed by its stored output.
 */
export interface CellSource {
  /** Stable id, unique in its chapter; keys the reader's saved edits. */
  id: string;
  /** 1-based position in the chapter, as the reader counts cells. */
  index: number;
  title: string | undefined;
  /** The cell fence's side first, then the twins in the order the chapter gives them. */
  sides: SideSource[];
}

/** The side of `cell` in `language`, if it has one. */
export function sideOf(cell: CellSource, language: Language): SideSource | undefined {
  return cell.sides.find((side) => side.language === language);
}

/** The language of a twin fence (```` ```ts twin ````): another language's version of the cell before it. */
function twinLanguage(node: RootContent | undefined): Language | undefined {
  if (node?.type !== 'code' || node.meta?.trim() !== 'twin') return undefined;
  const language = languageOfFence(node.lang);
  return language === PRIMARY_LANGUAGE ? undefined : language;
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
      if (!(previous?.type === 'code' && (parseCellMeta(previous.meta) || twinLanguage(previous)))) {
        throw new Error(`An output fence must follow a cell fence (line ${node.position?.start.line ?? '?'})`);
      }
      return;
    }
    const twin = twinLanguage(node);
    if (twin) {
      const owner = found[found.length - 1];
      const before = children[i - 1];
      // Right after the cell's fences so far: its code, its output, earlier twins and their outputs.
      const afterCell = owner && before === owner.nodes[owner.nodes.length - 1];
      if (!afterCell || sideOf(owner.cell, twin)) {
        throw new Error(`A ${node.lang} twin fence must follow a ${LANGUAGE_TABLE[PRIMARY_LANGUAGE].fence} cell (line ${node.position?.start.line ?? '?'})`);
      }
      const next = children[i + 1];
      const outputNode = isOutputFence(next) ? next : undefined;
      owner.cell.sides.push({ language: twin, code: node.value, output: outputNode?.value });
      owner.nodes.push(node, ...(outputNode ? [outputNode] : []));
      return;
    }
    const meta = parseCellMeta(node.meta);
    if (!meta) return;
    if (languageOfFence(node.lang) !== PRIMARY_LANGUAGE) {
      throw new Error(`Cell ${meta.id}: only ${LANGUAGE_TABLE[PRIMARY_LANGUAGE].fence} cells are supported`);
    }
    if (seen.has(meta.id)) throw new Error(`Duplicate cell id: ${meta.id}`);
    seen.add(meta.id);
    const next = children[i + 1];
    const outputNode = isOutputFence(next) ? next : undefined;
    found.push({
      cell: {
        id: meta.id,
        index: found.length + 1,
        title: meta.title,
        sides: [{ language: PRIMARY_LANGUAGE, code: node.value, output: outputNode?.value }],
      },
      nodes: outputNode ? [node, outputNode] : [node],
    });
  });
  return found;
}
