/** Safety: bad code of every kind, and a cell of about 1 MB, leave the kernel usable. */
import { describe, expect, test } from 'vitest';
import { hasChromium, useSite } from './support/site.ts';

describe.skipIf(!hasChromium)('safety: a misbehaving cell never breaks the page', () => {
  const site = useSite();

  describe('bad input keeps the kernel usable', () => {
    const big = 'a'.repeat(1_000_000);
    const CASES: { name: string; code: string; expected: RegExp | string }[] = [
      { name: 'SyntaxError', code: 'x = (1,\nprint("unreached")', expected: 'SyntaxError' },
      { name: 'IndentationError (unexpected indent)', code: 'x = 1\n    y = 2', expected: 'IndentationError: unexpected indent' },
      { name: 'TabError (tabs and spaces mixed)', code: 'exec("if 1:\\n\\tx = 1\\n        y = 2")', expected: /TabError: inconsistent use of tabs and spaces/ },
      { name: 'NameError', code: 'print(no_such_name)', expected: "NameError: name 'no_such_name' is not defined" },
      { name: 'RecursionError', code: 'def f(): return f()\nf()', expected: 'RecursionError: maximum recursion depth exceeded' },
      // WebAssembly is 32-bit: 10**12 does not even fit an index, so Pyodide says OverflowError.
      { name: 'bytearray(10**12)', code: 'bytearray(10**12)', expected: /MemoryError|OverflowError: cannot fit 'int' into an index-sized integer/ },
      // Sizes that fit an index but not the memory: a real MemoryError, raised before allocating.
      { name: 'MemoryError (bytearray)', code: 'x = bytearray(2**31 - 1)', expected: 'MemoryError' },
      { name: 'MemoryError (list)', code: 'x = [0] * (10**9)', expected: 'MemoryError' },
      { name: 'sys.exit()', code: 'import sys; sys.exit()', expected: 'SystemExit' },
      { name: 'raise KeyboardInterrupt', code: 'raise KeyboardInterrupt', expected: 'KeyboardInterrupt' },
      { name: 'import numpy', code: 'import numpy', expected: /No module named 'numpy'[\s\S]*not shipped/ },
      { name: 'a NUL byte in the code', code: 'x = 1\x00', expected: /null (bytes|character)/ },
      { name: 'input()', code: 'input()', expected: 'input() cannot wait' },
    ];

    test('every kind of error leaves the cell runnable', async () => {
      const page = await site.open('task/');
      const cell = page.cell(1);
      const runCode = async (code: string, timeout = 60_000) => {
        await cell.replaceCode(code);
        return cell.run(timeout);
      };
      for (const { name, code, expected } of CASES) {
        const text = await runCode(code);
        if (typeof expected === 'string') expect(text, name).toContain(expected);
        else expect(text, name).toMatch(expected);
        expect(await runCode('print("still alive")'), `after ${name}`).toBe('still alive\n');
      }
      // Not an error, but hard on the pipeline: emoji and a NUL character in output.
      expect(await runCode('print("🐍\\x00ok")')).toBe('🐍\u0000ok\n');
      expect(await runCode('print("still alive")')).toBe('still alive\n');
      expect(await page.kernelState()).toBe('idle');
      expect(page.errors()).toEqual([]);
    });

    test('a cell of about 1 MB of code runs, and is saved', async () => {
      const page = await site.open('task/');
      const cell = page.cell(1);
      // Pasted, as a reader would: typed, 1 MB would take hours (replaceCode pastes).
      await cell.replaceCode(`x = "${big}"\nprint(len(x))`);
      expect(await cell.run()).toBe('1000000\n');
      await expect.poll(() => page.evaluate(() => Object.values(localStorage).some((value) => value.length > 1_000_000))).toBe(true);
      await cell.replaceCode('print("still alive")');
      expect(await cell.run()).toBe('still alive\n');
    });
  });
});
