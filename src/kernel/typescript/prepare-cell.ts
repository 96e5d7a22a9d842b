import { parse, type Node, type Program } from 'acorn';
import { simple } from 'acorn-walk';
import { transform } from 'sucrase';

/** A cell turned into JavaScript the kernel can evaluate, line for line the same as the source. */
export interface PreparedCell {
  /** Evaluates (in the global scope) to the last expression's value, or a promise of it. */
  code: string;
  /** Top-level names the cell declares; they live on the kernel's global object. */
  names: string[];
}

/**
 * The global each of the cells' `yield`s sets to where it stands (`Cell 3:12`) before it suspends:
 * the loop view's line for a TypeScript task, which V8 does not tell of a suspended generator.
 */
export const YIELD_AT = '__nbYieldAt';

export interface PrepareOptions {
  /** The cell's name (`Cell 3`): its yields record their line under it (YIELD_AT). */
  filename?: string;
}

/** A syntax error with the cell's own line and column (1-based line, 0-based column). */
export class CellSyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

interface Edit {
  at: number;
  /** Characters to remove from `at`. */
  remove: number;
  insert: string;
}

function stripTypes(source: string): string {
  try {
    // Sucrase only removes types and keeps every line where it was, so stack lines stay the cell's.
    return transform(source, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (error) {
    const found = /\((\d+):(\d+)\)/.exec(String(error));
    const message = String(error instanceof Error ? error.message : error).replace(/\s*\(\d+:\d+\)$/, '');
    // Sucrase counts columns from 1.
    throw new CellSyntaxError(message, Number(found?.[1] ?? 1), Math.max(0, Number(found?.[2] ?? 1) - 1));
  }
}

/** Whether the cell awaits at top level; such a cell has to run inside an async function. */
function awaitsAtTopLevel(code: string): boolean {
  try {
    parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: false });
    return false;
  } catch {
    return true;
  }
}

function parseScript(code: string): Program {
  try {
    return parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowAwaitOutsideFunction: true,
      // `(expr)` as the last line must be returned with its parentheses.
      preserveParens: true,
      locations: true,
    });
  } catch (error) {
    const location = (error as { loc?: { line: number; column: number } }).loc;
    const message = String(error instanceof Error ? error.message : error).replace(/\s*\(\d+:\d+\)$/, '');
    throw new CellSyntaxError(message, location?.line ?? 1, location?.column ?? 0);
  }
}

function identifiers(pattern: Node, into: string[]): void {
  const node = pattern as Node & Record<string, unknown>;
  switch (node.type) {
    case 'Identifier':
      into.push(node['name'] as string);
      return;
    case 'ObjectPattern':
      for (const property of node['properties'] as (Node & { value?: Node; argument?: Node })[]) {
        identifiers(property.type === 'RestElement' ? property.argument! : property.value!, into);
      }
      return;
    case 'ArrayPattern':
      for (const element of node['elements'] as (Node | null)[]) if (element) identifiers(element, into);
      return;
    case 'RestElement':
      identifiers(node['argument'] as Node, into);
      return;
    case 'AssignmentPattern':
      identifiers(node['left'] as Node, into);
      return;
  }
}

/** `yield x` becomes `(__nbYieldAt = "Cell 3:12", yield x)`, on the same line. */
function markYields(program: Program, filename: string, edits: Edit[]): void {
  simple(program, {
    YieldExpression(node) {
      const at = JSON.stringify(`${filename}:${node.loc?.start.line ?? 0}`);
      edits.push({ at: node.start, remove: 0, insert: `(${YIELD_AT} = ${at}, ` });
      edits.push({ at: node.end, remove: 0, insert: ')' });
    },
  });
}

/**
 * Makes a cell behave as it would in a notebook: top-level `const`, `let`, `class` and `function`
 * become properties of the kernel's global object, so later cells see them and running the cell
 * again simply replaces them; the last expression becomes the cell's value; `await` works at top
 * level. Edits never add or remove a line break, so line numbers in errors are the cell's own.
 *
 * A cell without top-level `await` runs as a plain script: its function declarations are then
 * globals themselves, so redefining one in a later cell changes what every caller gets. A cell
 * with `await` runs in an async function, where they are published on line 1 instead.
 */
export function prepareCell(source: string, { filename }: PrepareOptions = {}): PreparedCell {
  const code = stripTypes(source);
  const program = parseScript(code);
  const asynchronous = awaitsAtTopLevel(code);
  const edits: Edit[] = [];
  if (filename !== undefined) markYields(program, filename, edits);
  const names: string[] = [];
  const hoisted: string[] = [];
  const body = program.body as (Node & Record<string, unknown>)[];

  body.forEach((statement, index) => {
    switch (statement.type) {
      case 'VariableDeclaration': {
        const declarations = statement['declarations'] as (Node & { id: Node; init: Node | null })[];
        // `const a = 1, b` becomes `;(a = 1, b = undefined)`: assignments to the global object. The
        // semicolon keeps a line without one before it from being called with these parentheses.
        edits.push({ at: statement.start, remove: (statement['kind'] as string).length, insert: ';(' });
        for (const declaration of declarations) {
          identifiers(declaration.id, names);
          if (!declaration.init) edits.push({ at: declaration.id.end, remove: 0, insert: ' = undefined' });
        }
        edits.push({ at: declarations[declarations.length - 1]!.end, remove: 0, insert: ')' });
        return;
      }
      case 'ClassDeclaration': {
        const name = (statement['id'] as { name: string }).name;
        names.push(name);
        edits.push({ at: statement.start, remove: 0, insert: `${name} = ` });
        edits.push({ at: statement.end, remove: 0, insert: ';' });
        return;
      }
      case 'FunctionDeclaration': {
        // Declarations stay (they are hoisted within the cell); in an async cell they are local, so
        // they are published on line 1.
        const name = (statement['id'] as { name: string }).name;
        names.push(name);
        if (asynchronous) hoisted.push(`globalThis[${JSON.stringify(name)}] = ${name};`);
        return;
      }
      case 'ImportDeclaration':
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
      case 'ExportAllDeclaration':
        throw new CellSyntaxError('import and export are not available in notebook cells', statement.loc?.start.line ?? 1, 0);
      case 'ExpressionStatement':
        // A script's value is its last statement's value anyway; an async cell must return it.
        if (index === body.length - 1 && asynchronous) {
          const expression = statement['expression'] as Node;
          edits.push({ at: expression.start, remove: 0, insert: 'return (' });
          edits.push({ at: expression.end, remove: 0, insert: ')' });
        }
        return;
    }
  });

  let result = code;
  // From the end backwards; at one position, the later edit goes in first so the earlier ends up before it.
  const ordered = edits.map((edit, order) => ({ ...edit, order })).sort((a, b) => b.at - a.at || b.order - a.order);
  for (const edit of ordered) {
    result = result.slice(0, edit.at) + edit.insert + result.slice(edit.at + edit.remove);
  }
  // Everything added sits on the first line or after the last, so the cell's line N is line N of
  // the evaluated code.
  if (asynchronous) return { code: `(async () => {${hoisted.join(' ')}${result}\n})()`, names };
  // Only a final expression gives a script cell a value (`x = 1` from `const x = 1` must not).
  const last = body[body.length - 1];
  return { code: last?.type === 'ExpressionStatement' ? result : `${result}\n;void 0`, names };
}
