import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { collectCells } from '../lib/cell-source.ts';
import { modulesOf, RUNNER_MODULE } from '../kernel/python/modules.ts';

/** The standard library as the site serves it: a small first load and the rest, all compiled. */
export interface SplitStdlib {
  /** Folder holding `python_stdlib.core.zip`, `python_stdlib.rest.zip` and `stdlib/` (the rest, file by file). */
  dir: string;
  /** Modules left out of the first load, fetched when first imported. */
  lazy: string[];
  /** Modules in the first load. */
  core: string[];
}

/**
 * Modules the lazy importer itself needs beyond what it imports at install: zipfile decodes member
 * names with cp437 when it opens the rest of the library (seen in Chromium as one extra fetch).
 */
const IMPORTER_NEEDS = ['encodings.cp437'];

const SPLIT_SCRIPT = new URL('./precompile-stdlib.py', import.meta.url);
const PACKAGE = new URL('../kernel/python/', import.meta.url);
/** The modules the runner imports at start (the tracer's come only with the loop view). */
const KERNEL_MODULES = modulesOf('kernel');
const CHAPTERS = new URL('../../content/chapters/', import.meta.url);

async function chapterCells(): Promise<string[][]> {
  const files = (await readdir(CHAPTERS)).filter((file) => /^\d\d-.*\.mdx$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const tree = unified().use(remarkParse).use(remarkMdx).parse(await readFile(new URL(file, CHAPTERS), 'utf8'));
      return collectCells(tree).map(({ cell }) => cell.sides[0]!.code);
    }),
  );
}

/**
 * The modules a fresh kernel has after Pyodide's own start, the notebook's runner and every cell
 * of every chapter: what a reader's first runs import. Errors are expected (some cells raise on
 * purpose, `asyncio.run` needs stack switching that Node lacks) and only their imports count.
 */
async function firstImports(pyodide: PyodideAPI, chapters: string[][]): Promise<string[]> {
  pyodide.setStdout({ batched: () => undefined });
  pyodide.setStderr({ batched: () => undefined });
  const dict = pyodide.globals.get('dict') as () => PyProxy;
  pyodide.FS.mkdirTree('/tmp/notebook-kernel');
  for (const module of KERNEL_MODULES) {
    pyodide.FS.writeFile(`/tmp/notebook-kernel/${module}`, await readFile(new URL(module, PACKAGE), 'utf8'));
  }
  pyodide.runPython("import sys; sys.path.insert(0, '/tmp/notebook-kernel')");
  const runner = dict();
  pyodide.runPython(await readFile(new URL(RUNNER_MODULE, PACKAGE), 'utf8'), { globals: runner, filename: '<notebook-runner>' });
  // As the page does: a Runner routes streams and lends the page's loop to pasted asyncio code.
  pyodide.runPython('Runner(lambda *args: None, lambda *args: None)', { globals: runner });
  pyodide.runPython('import sys; sys.path.remove("/tmp/notebook-kernel")');
  for (const cells of chapters) {
    const globals = dict();
    for (const code of cells) {
      await pyodide.runPythonAsync(code, { globals, filename: '<cell>' }).catch(() => undefined);
    }
  }
  // A cell that failed half-way can leave tasks behind; give them a moment, then stop listening.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return JSON.parse(pyodide.runPython('import sys, json; json.dumps(sorted(sys.modules))') as string) as string[];
}

/**
 * Builds (or takes from the cache) the standard library compiled to bytecode for this exact
 * Pyodide, split into what the chapters' first runs import and the rest. The cache key covers
 * everything that decides the split, so an edited chapter that imports something new rebuilds it.
 */
export async function splitStdlib(packageDir: string, version: string, cacheDir: string): Promise<SplitStdlib> {
  const chapters = await chapterCells();
  const hash = createHash('sha256');
  const kernel = await Promise.all([RUNNER_MODULE, ...KERNEL_MODULES].map((file) => readFile(new URL(file, PACKAGE), 'utf8')));
  for (const part of [version, await readFile(SPLIT_SCRIPT, 'utf8'), ...kernel, JSON.stringify(chapters), ...IMPORTER_NEEDS]) {
    hash.update(part).update('\0');
  }
  const dir = join(cacheDir, `stdlib-${version}-${hash.digest('hex').slice(0, 16)}`);
  const manifest = join(dir, 'split.json');
  if (existsSync(manifest)) return { dir, ...(JSON.parse(await readFile(manifest, 'utf8')) as Omit<SplitStdlib, 'dir'>) };

  const pyodide = await loadPyodide({ indexURL: `${packageDir}/` });
  const core = [...(await firstImports(pyodide, chapters)), ...IMPORTER_NEEDS];
  pyodide.FS.writeFile('/tmp/python_stdlib.zip', await readFile(join(packageDir, 'python_stdlib.zip')));
  pyodide.runPython(await readFile(SPLIT_SCRIPT, 'utf8'));
  const split = pyodide.globals.get('split') as (core: string) => string;
  const { lazy } = JSON.parse(split(JSON.stringify(core))) as { lazy: string[] };

  // Written beside the final folder and renamed into place, so a half-written cache is never used.
  const staging = `${dir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'stdlib'), { recursive: true });
  await writeFile(join(staging, 'python_stdlib.core.zip'), pyodide.FS.readFile('/tmp/python_stdlib.core.zip'));
  await writeFile(join(staging, 'python_stdlib.rest.zip'), pyodide.FS.readFile('/tmp/python_stdlib.rest.zip'));
  const copyTree = async (from: string, to: string): Promise<void> => {
    for (const name of pyodide.FS.readdir(from) as string[]) {
      if (name === '.' || name === '..') continue;
      const source = `${from}/${name}`;
      if (pyodide.FS.isDir(pyodide.FS.stat(source).mode)) {
        await mkdir(join(to, name), { recursive: true });
        await copyTree(source, join(to, name));
      } else await writeFile(join(to, name), pyodide.FS.readFile(source));
    }
  };
  await copyTree('/tmp/stdlib-rest', join(staging, 'stdlib'));
  const inCore = core.filter((name) => !lazy.includes(name));
  await writeFile(join(staging, 'split.json'), JSON.stringify({ core: inCore, lazy }));
  await rm(dir, { recursive: true, force: true });
  await rename(staging, dir).catch(async () => {
    // Another build got there first; its copy is as good as ours.
    await rm(staging, { recursive: true, force: true });
  });
  return { dir, core: inCore, lazy };
}

/** Copies the split standard library into a build's Pyodide folder. */
export async function copySplitStdlib(split: SplitStdlib, target: string): Promise<void> {
  await cp(split.dir, target, { recursive: true, filter: (source) => !source.endsWith('split.json') });
}
