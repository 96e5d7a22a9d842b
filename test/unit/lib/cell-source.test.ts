import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { collectCells, parseCellMeta } from '../../../src/lib/cell-source.ts';

function parse(text: string): Root {
  return unified().use(remarkParse).use(remarkMdx).parse(text);
}

const fence = '```';

describe('parseCellMeta', () => {
  it('reads id and title', () => {
    expect(parseCellMeta('cell id="first-task" title="A first task"')).toEqual({
      id: 'first-task',
      title: 'A first task',
    });
  });

  it('reads attributes in any order', () => {
    expect(parseCellMeta('cell title="Why? Because: (1) speed" id="x1"')).toEqual({
      id: 'x1',
      title: 'Why? Because: (1) speed',
    });
  });

  it('gives an undefined title when there is none', () => {
    expect(parseCellMeta('cell id="a"')).toEqual({ id: 'a', title: undefined });
  });

  it('keeps an empty title as an empty string', () => {
    expect(parseCellMeta('cell id="a" title=""')).toEqual({ id: 'a', title: '' });
  });

  it.each([null, undefined, '', 'title="x"', 'id="a"', 'cells id="a"', 'cellular id="a"', ' cell id="a"', 'nocell id="a"'])(
    'is null for a fence that is not a cell: %j',
    (meta) => {
      expect(parseCellMeta(meta)).toBeNull();
    },
  );

  it.each([
    ['no id', 'cell'],
    ['no id, only a title', 'cell title="Hello"'],
    ['empty id', 'cell id=""'],
    ['upper case', 'cell id="First"'],
    ['a space', 'cell id="a b"'],
    ['an underscore', 'cell id="a_b"'],
    ['a leading hyphen', 'cell id="-a"'],
    ['a dot', 'cell id="a.b"'],
    ['a slash', 'cell id="a/b"'],
    ['a colon', 'cell id="a:b"'],
    ['single quotes', "cell id='a'"],
    ['no quotes', 'cell id=a'],
  ])('throws on an invalid id (%s)', (_, meta) => {
    expect(() => parseCellMeta(meta)).toThrow(/id="kebab-case-id"/);
  });

  it('names the offending info string in the error', () => {
    expect(() => parseCellMeta('cell id="Bad_Id"')).toThrow('cell id="Bad_Id"');
  });

  it.each(['a', '0', '9-lives', 'a-b-c', 'step-2', 'trailing-'])('accepts the id %j', (id) => {
    expect(parseCellMeta(`cell id="${id}"`)?.id).toBe(id);
  });

  it('accepts a tab after cell', () => {
    expect(parseCellMeta('cell\tid="a"')?.id).toBe('a');
  });
});

describe('collectCells', () => {
  it('finds the cells of a chapter in order, with 1-based index, id, title, code and output', () => {
    const tree = parse(
      [
        '# Chapter',
        '',
        'Some prose.',
        '',
        `${fence}python cell id="first" title="The first cell"`,
        'print("hi")',
        fence,
        '',
        `${fence}output`,
        'hi',
        fence,
        '',
        'More prose.',
        '',
        `${fence}python cell id="second"`,
        'def f():',
        '    return 1',
        '',
        'f()',
        fence,
        '',
        `${fence}output`,
        '1',
        fence,
        '',
      ].join('\n'),
    );
    const cells = collectCells(tree);
    expect(cells.map(({ cell }) => cell)).toEqual([
      { id: 'first', index: 1, title: 'The first cell', sides: [{ language: 'python', code: 'print("hi")', output: 'hi' }] },
      { id: 'second', index: 2, title: undefined, sides: [{ language: 'python', code: 'def f():\n    return 1\n\nf()', output: '1' }] },
    ]);
  });

  it('returns the fence nodes so a plugin can replace them', () => {
    const tree = parse(`${fence}python cell id="a"\nx\n${fence}\n\n${fence}output\ny\n${fence}\n`);
    const [found] = collectCells(tree);
    expect(found?.nodes).toEqual([tree.children[0], tree.children[1]]);
  });

  it('attaches a ts twin fence, and its output, to the python cell before it', () => {
    const tree = parse(
      `${fence}python cell id="a"\nprint(1)\n${fence}\n\n${fence}output\n1\n${fence}\n\n${fence}ts twin\nconsole.log(1)\n${fence}\n\n${fence}output\n1\n${fence}\n`,
    );
    const [found] = collectCells(tree);
    expect(found?.cell.sides).toEqual([
      { language: 'python', code: 'print(1)', output: '1' },
      { language: 'typescript', code: 'console.log(1)', output: '1' },
    ]);
    expect(found?.nodes).toEqual(tree.children.slice(0, 4));
  });

  it('rejects a ts twin fence that follows no python cell', () => {
    expect(() => collectCells(parse(`${fence}ts twin\nlet x = 1\n${fence}\n`))).toThrow(/twin/);
  });

  it('gives a cell without an output fence an undefined output', () => {
    const tree = parse(
      `${fence}python cell id="silent"\nx = 1\n${fence}\n\n${fence}python cell id="loud"\nprint(x)\n${fence}\n\n${fence}output\n1\n${fence}\n`,
    );
    const cells = collectCells(tree);
    expect(cells.map(({ cell }) => [cell.id, cell.sides[0]?.output])).toEqual([
      ['silent', undefined],
      ['loud', '1'],
    ]);
    expect(cells[0]?.nodes).toHaveLength(1);
  });

  it('keeps an empty output fence as an empty output, not as no output', () => {
    const tree = parse(`${fence}python cell id="a"\nprint()\n${fence}\n\n${fence}output\n${fence}\n`);
    expect(collectCells(tree)[0]?.cell.sides[0]?.output).toBe('');
  });

  it('does not attach an output fence separated from its cell by prose; it throws instead', () => {
    const tree = parse(`${fence}python cell id="a"\nx\n${fence}\n\nProse in between.\n\n${fence}output\ny\n${fence}\n`);
    expect(() => collectCells(tree)).toThrow(/output fence must follow a cell fence/);
  });

  it('numbers only cells, not other code fences', () => {
    const tree = parse(
      [
        `${fence}python`,
        'print("not a cell")',
        fence,
        '',
        `${fence}python cell id="a"`,
        '1',
        fence,
        '',
        `${fence}js`,
        'console.log(1)',
        fence,
        '',
        `${fence}python cell id="b"`,
        '2',
        fence,
      ].join('\n'),
    );
    expect(collectCells(tree).map(({ cell }) => [cell.id, cell.index])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('does not treat plain python fences, or ones with other meta, as cells', () => {
    const tree = parse(
      `${fence}python\nprint(1)\n${fence}\n\n${fence}python title="x"\nprint(2)\n${fence}\n\n${fence}python cells id="a"\nprint(3)\n${fence}\n`,
    );
    expect(collectCells(tree)).toEqual([]);
  });

  it('returns no cells for a chapter without any', () => {
    expect(collectCells(parse('# Only prose\n\nNothing to run.\n'))).toEqual([]);
  });

  it('throws on a duplicate id, naming it', () => {
    const tree = parse(`${fence}python cell id="same"\n1\n${fence}\n\n${fence}python cell id="same"\n2\n${fence}\n`);
    expect(() => collectCells(tree)).toThrow('Duplicate cell id: same');
  });

  it('throws on an output fence at the start of a chapter', () => {
    const tree = parse(`${fence}output\nstray\n${fence}\n`);
    expect(() => collectCells(tree)).toThrow(/output fence must follow a cell fence \(line 1\)/);
  });

  it('throws on an output fence after a plain python fence, with its line', () => {
    const tree = parse(`# Title\n\n${fence}python\nprint(1)\n${fence}\n\n${fence}output\n1\n${fence}\n`);
    expect(() => collectCells(tree)).toThrow(/output fence must follow a cell fence \(line 7\)/);
  });

  it('throws on a second output fence after a cell', () => {
    const tree = parse(`${fence}python cell id="a"\n1\n${fence}\n\n${fence}output\n1\n${fence}\n\n${fence}output\n2\n${fence}\n`);
    expect(() => collectCells(tree)).toThrow(/output fence must follow a cell fence/);
  });

  it('throws on an invalid cell id', () => {
    const tree = parse(`${fence}python cell id="Not_Kebab"\n1\n${fence}\n`);
    expect(() => collectCells(tree)).toThrow(/id="kebab-case-id"/);
  });

  it('throws on a cell in a language other than python', () => {
    const tree = parse(`${fence}js cell id="a"\n1\n${fence}\n`);
    expect(() => collectCells(tree)).toThrow('Cell a: only python cells are supported');
  });

  it('keeps code exactly: indentation, blank lines, braces and backticks that MDX would otherwise parse', () => {
    const code = 'async def main():\n    d = {"a": {1, 2}}\n\n\tprint(f"{d!r} `x` <b>")\n    return None';
    const tree = parse(`${fence}python cell id="exact"\n${code}\n${fence}\n`);
    expect(collectCells(tree)[0]?.cell.sides[0]?.code).toBe(code);
  });
});
