import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, describe, expect, test } from 'vitest';
import { installLazyStdlib, type LazyStdlib } from '../../src/kernel/python/lazy-stdlib.ts';
import { createPythonSession, type PythonSession } from '../../src/kernel/python/session.ts';
import { CORE_STDLIB, REST_STDLIB } from '../../src/kernel/python/pyodide-paths.ts';
import type { Output } from '../../src/kernel/protocol.ts';
import { normalizeOutputText, outputsText } from '../../src/output/text.ts';
import { splitStdlib, type SplitStdlib } from '../../src/plugins/precompile-stdlib.ts';
import { readChapters } from '../support/chapters.ts';
import { importableStdlibModules } from '../support/stdlib-modules.ts';

// The site's trimmed first load and its lazy importer, in Node: the same split the build ships
// (src/plugins/precompile-stdlib.ts, cached like the build's) and the same importer the worker
// installs, reading the build's files where the worker would GET them.
const packageDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
const chapters = readChapters();

interface Host {
  pyodide: PyodideAPI;
  lazy: LazyStdlib;
  /** Every path the importer asked for, in order. */
  asked: string[];
}

async function startHost(split: SplitStdlib, available: (path: string) => boolean = () => true): Promise<Host> {
  const pyodide = await loadPyodide({ indexURL: `${packageDir}/`, stdLibURL: join(split.dir, CORE_STDLIB) });
  const asked: string[] = [];
  const lazy = installLazyStdlib(pyodide, (path) => {
    asked.push(path);
    return available(path) ? new Uint8Array(readFileSync(join(split.dir, path))) : undefined;
  });
  return { pyodide, lazy, asked };
}

/** Imports `name` in Python; returns "" or the error's one-line description. */
function tryImport(pyodide: PyodideAPI, name: string): string {
  return pyodide.runPython(
    `import importlib\ntry:\n    importlib.import_module(${JSON.stringify(name)})\n    result = ''\nexcept BaseException as error:\n    result = f'{type(error).__name__}: {error}'\nresult`,
  ) as string;
}

let split: SplitStdlib;
let modules: string[];
beforeAll(async () => {
  split = await splitStdlib(packageDir, version, join(packageDir, '../.cache/event-loop-notebook'));
  modules = await importableStdlibModules();
});

describe('the chapters on the trimmed first load', () => {
  let host: Host;
  let session: PythonSession;
  const outputs = new Map<number, Output[]>();
  let runId = 0;
  beforeAll(async () => {
    host = await startHost(split);
    session = createPythonSession(host.pyodide, (id, output) => outputs.get(id)?.push(output));
  });

  describe.each(chapters)('chapter $id', (chapter) => {
    beforeAll(() => session.reset());
    test.each(chapter.cells)('cell $index ($id) prints its stored output', async (cell) => {
      const id = ++runId;
      outputs.set(id, []);
      const status = await session.run({ runId: id, code: cell.code, filename: `Cell ${cell.index}`, executionCount: id });
      const text = outputsText(outputs.get(id) ?? []);
      expect(status, text).toBe('ok');
      expect(normalizeOutputText(text)).toBe(normalizeOutputText(cell.output ?? ''));
    });
  });

  test('and none of them had to fetch a module', () => {
    expect(host.asked).toEqual([]);
  });
});

describe('modules left out of the first load', () => {
  test('the first load leaves most of the library out', () => {
    expect(split.lazy.length).toBeGreaterThan(split.core.length);
    expect(split.core).toContain('asyncio');
    expect(split.lazy).toContain('email');
  });

  test('every standard-library module Pyodide can import imports once each, most of them fetched one by one', async () => {
    const host = await startHost(split);
    expect(modules.length).toBeGreaterThan(400);
    const failures = modules.map((name): [string, string] => [name, tryImport(host.pyodide, name)]).filter(([, error]) => error !== '');
    expect(failures).toEqual([]);
    expect(host.asked.length).toBeGreaterThan(100);
    expect(host.asked.every((path) => path.startsWith('stdlib/'))).toBe(true);
    // A module fetched once is not fetched again.
    expect(new Set(host.asked).size).toBe(host.asked.length);
  });

  test('a fetched module looks like any other: a file, a package path, its own code', async () => {
    const host = await startHost(split);
    const found = host.pyodide.runPython(
      'import email.mime.text, statistics\n' +
        'm = email.mime.text.MIMEText("hi")\n' +
        '[statistics.median([3, 1, 2]), m.get_content_type(), email.__path__[0], statistics.__file__]',
    ) as { toJs(): unknown[] };
    const [median, type, packagePath, file] = found.toJs() as [number, string, string, string];
    expect([median, type]).toEqual([2, 'text/plain']);
    expect(packagePath).toMatch(/\/email$/);
    expect(file).toMatch(/statistics\.pyc$/);
    expect(host.asked).toContain('stdlib/email/__init__.pyc');
  });

  test('without the single files, the importer takes the whole rest once (the offline fallback)', async () => {
    const host = await startHost(split, (path) => path === REST_STDLIB);
    expect(tryImport(host.pyodide, 'statistics')).toBe('');
    expect(tryImport(host.pyodide, 'email.mime.text')).toBe('');
    expect(host.asked.filter((path) => path === REST_STDLIB)).toHaveLength(1);
  });

  test('the background download of the rest serves later imports without a fetch', async () => {
    const host = await startHost(split);
    host.lazy.addRest(new Uint8Array(readFileSync(join(split.dir, REST_STDLIB))));
    expect(tryImport(host.pyodide, 'fractions')).toBe('');
    expect(host.asked).toEqual([]);
  });

  test('with nothing to be had, the import fails with a message that says why', async () => {
    const host = await startHost(split, () => false);
    expect(tryImport(host.pyodide, 'statistics')).toMatch(/^ModuleNotFoundError: .*'statistics' could not be downloaded/);
    // Modules of the first load need no network at all.
    expect(tryImport(host.pyodide, 'asyncio')).toBe('');
  });
});
