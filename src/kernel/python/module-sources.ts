import { PYTHON_MODULES, RUNNER_MODULE } from './modules.ts';

// Every .py file beside this one, as text, bundled into the worker.
const FILES = import.meta.glob<string>('./*.py', { query: '?raw', import: 'default', eager: true });

function source(file: string): string {
  const text = FILES[`./${file}`];
  if (text === undefined) throw new Error(`The kernel's Python module ${file} is missing from src/kernel/python/`);
  return text;
}

/** The runner's source and every module of the kernel's list, by file name. */
export const RUNNER_SOURCE = source(RUNNER_MODULE);
export const MODULE_SOURCES: ReadonlyMap<string, string> = new Map(Object.keys(PYTHON_MODULES).map((file) => [file, source(file)]));
