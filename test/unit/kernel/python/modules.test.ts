import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PYTHON_MODULES, RUNNER_MODULE, modulesOf } from '../../../../src/kernel/python/modules.ts';

const DIR = new URL('../../../../src/kernel/python/', import.meta.url);
// The stdlib importer is installed by the lazy standard library, before any kernel module exists.
const NOT_KERNEL = new Set([RUNNER_MODULE, 'stdlib-importer.py']);
const onDisk = readdirSync(DIR).filter((file) => file.endsWith('.py'));

/** Modules of this package that a file imports (`import x`, `from x import y`). */
function packageImports(file: string): string[] {
  const text = readFileSync(new URL(file, DIR), 'utf8');
  const names = [...text.matchAll(/^(?:from|import)\s+([A-Za-z_]\w*)/gm)].map((match) => `${match[1]}.py`);
  return names.filter((name) => onDisk.includes(name));
}

describe("the kernel's one list of Python modules", () => {
  it('names every module file of src/kernel/python and nothing else', () => {
    expect(Object.keys(PYTHON_MODULES).sort()).toEqual(onDisk.filter((file) => !NOT_KERNEL.has(file)).sort());
  });

  it('holds what the runner and the kernel modules import at start, without the tracer', () => {
    const started = new Set<string>();
    const visit = (file: string) => {
      for (const name of packageImports(file)) {
        if (started.has(name)) continue;
        started.add(name);
        visit(name);
      }
    };
    visit(RUNNER_MODULE);
    expect([...started].sort()).toEqual(modulesOf('kernel').sort());
  });

  it('lets a tracer module import only tracer or kernel modules of the list', () => {
    for (const file of modulesOf('tracer')) {
      for (const name of packageImports(file)) expect(PYTHON_MODULES[name], `${file} imports ${name}`).toBeDefined();
    }
  });
});
