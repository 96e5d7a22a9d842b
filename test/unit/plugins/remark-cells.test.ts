import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { SideSource } from '../../../src/lib/cell-source.ts';
import remarkCells from '../../../src/plugins/remark-cells.ts';

const fence = '```';

/** Parses and transforms a chapter as Astro would, for a file at `path`. */
function transform(text: string, file: { path?: string } = { path: 'content/chapters/04-sleep-ping-pong.mdx' }): Root {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkCells);
  const tree = processor.parse(text);
  return processor.runSync(tree, file) as Root;
}

function cellElements(tree: Root): MdxJsxFlowElement[] {
  return tree.children.filter(
    (node: RootContent): node is MdxJsxFlowElement & RootContent =>
      (node.type as string) === 'mdxJsxFlowElement' && (node as MdxJsxFlowElement).name === 'Cell',
  );
}

/** An element's attributes as a plain object, asserting each is a plain string attribute. */
function attributes(element: MdxJsxFlowElement): Record<string, string> {
  const result: Record<string, string> = {};
  for (const attribute of element.attributes) {
    expect(attribute.type).toBe('mdxJsxAttribute');
    if (attribute.type !== 'mdxJsxAttribute') continue;
    expect(typeof attribute.value).toBe('string');
    result[attribute.name] = attribute.value as string;
  }
  return result;
}

/** The sides a <Cell> carries, as Cell.astro reads them. */
const sides = (element: MdxJsxFlowElement) => JSON.parse(attributes(element)['sides'] ?? '[]') as SideSource[];

const chapter = [
  '# Sleep ping-pong',
  '',
  'Intro prose.',
  '',
  `${fence}python cell id="ping" title="Ping first"`,
  'import asyncio',
  '',
  'async def ping():',
  '    print("ping")',
  fence,
  '',
  `${fence}output`,
  'ping',
  fence,
  '',
  'Between the cells.',
  '',
  `${fence}python cell id="pong"`,
  'x = 1',
  fence,
  '',
  `${fence}python`,
  'print("just an example")',
  fence,
  '',
].join('\n');

describe('remarkCells', () => {
  it('replaces each cell fence and its output fence with one <Cell> element', () => {
    const tree = transform(chapter);
    expect(tree.children.map((node) => (node.type === 'code' ? `code:${node.lang}` : node.type))).toEqual([
      'heading',
      'paragraph',
      'mdxJsxFlowElement',
      'paragraph',
      'mdxJsxFlowElement',
      'code:python',
    ]);
    expect(tree.children.some((node) => node.type === 'code' && node.lang === 'output')).toBe(false);
  });

  it('gives each <Cell> its chapter, id, index, title and sides (language, code, output), in that order', () => {
    const [ping, pong] = cellElements(transform(chapter));
    expect(ping?.name).toBe('Cell');
    expect(ping?.children).toEqual([]);
    expect(ping?.attributes.map((attribute) => (attribute.type === 'mdxJsxAttribute' ? attribute.name : '?'))).toEqual([
      'chapter',
      'id',
      'index',
      'title',
      'sides',
    ]);
    expect(attributes(ping!)).toEqual({
      chapter: '04-sleep-ping-pong',
      id: 'ping',
      index: '1',
      title: 'Ping first',
      sides: JSON.stringify([{ language: 'python', code: 'import asyncio\n\nasync def ping():\n    print("ping")', output: 'ping' }]),
    });
    // No title and no output: the attributes are left out rather than set to "undefined".
    expect(attributes(pong!)).toEqual({
      chapter: '04-sleep-ping-pong',
      id: 'pong',
      index: '2',
      sides: JSON.stringify([{ language: 'python', code: 'x = 1' }]),
    });
  });

  it('leaves the plain python fence untouched', () => {
    const tree = transform(chapter);
    const last = tree.children.at(-1);
    expect(last).toMatchObject({ type: 'code', lang: 'python', meta: null, value: 'print("just an example")' });
  });

  it.each([
    ['content/chapters/04-sleep-ping-pong.mdx', '04-sleep-ping-pong'],
    ['/abs/path/01-intro.md', '01-intro'],
    ['C:\\site\\content\\chapters\\02-task.mdx', '02-task'],
    ['03-event-loop.mdx', '03-event-loop'],
    ['dir.mdx/05-async.mdx', '05-async'],
  ])('takes the chapter from the file name: %s → %s', (path, expected) => {
    const [cell] = cellElements(transform(`${fence}python cell id="a"\n1\n${fence}\n`, { path }));
    expect(attributes(cell!)['chapter']).toBe(expected);
  });

  it('uses an empty chapter when the file has no path', () => {
    const [cell] = cellElements(transform(`${fence}python cell id="a"\n1\n${fence}\n`, {}));
    expect(attributes(cell!)['chapter']).toBe('');
  });

  it('carries code with braces, angle brackets and backticks as a plain string', () => {
    const code = 'print(f"{ {1: 2} }")\nhtml = "<div>{x}</div>"\n# `not code` ${x}';
    const [cell] = cellElements(transform(`${fence}python cell id="a"\n${code}\n${fence}\n`));
    expect(sides(cell!)[0]?.code).toBe(code);
  });

  it('keeps an empty output fence as an empty output attribute', () => {
    const [cell] = cellElements(transform(`${fence}python cell id="a"\nprint()\n${fence}\n\n${fence}output\n${fence}\n`));
    expect(sides(cell!)[0]?.output).toBe('');
  });

  it('leaves a chapter without cells unchanged', () => {
    const text = `# Prose\n\n${fence}python\nprint(1)\n${fence}\n`;
    const processor = unified().use(remarkParse).use(remarkMdx);
    const expected = processor.parse(text);
    expect(transform(text)).toEqual(expected);
  });

  it('fails the build on a broken chapter rather than dropping cells', () => {
    expect(() => transform(`${fence}python cell id="a"\n1\n${fence}\n\n${fence}python cell id="a"\n2\n${fence}\n`)).toThrow(
      'Duplicate cell id: a',
    );
    expect(() => transform(`Prose.\n\n${fence}output\nstray\n${fence}\n`)).toThrow(/output fence must follow a cell fence/);
  });

  it('puts a <Predict> with the stored output before a cell marked predict="order", and none before others', () => {
    const text = [
      `${fence}python cell id="run" title="Run" predict="order"`,
      'loop.run_until_complete()',
      fence,
      '',
      `${fence}output`,
      'Start ping',
      'End ping',
      fence,
      '',
      `${fence}python cell id="quiet"`,
      'x = 1',
      fence,
    ].join('\n');
    const names = transform(text).children.map((node) => (node as MdxJsxFlowElement).name);
    expect(names).toEqual(['Predict', 'Cell', 'Cell']);
    const predict = transform(text).children[0] as MdxJsxFlowElement;
    expect(attributes(predict)).toEqual({ cell: 'run', output: 'Start ping\nEnd ping' });
  });
});
