/**
 * Code pasted from asyncio tutorials prints in a cell what CPython prints, also in a browser
 * without WebAssembly stack switching (hidden from Pyodide here, as on browsers that lack it).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { hasChromium, useBrowser, waitUntilIdle } from './support/browser.ts';
import { logText, openWithCode } from './support/notebook-page.ts';

const PROGRAM = `import asyncio

async def main():
    await asyncio.sleep(0.01)
    print('inside main')
    return 'done'

print(asyncio.run(main()))

loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
print('closed')
`;

function cpython(code: string): string {
  const result = spawnSync('python3', ['-c', code], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe.skipIf(!hasChromium)('pasted asyncio code', () => {
  const shared = useBrowser();

  test.each([
    ['with stack switching', false],
    ['without stack switching', true],
  ])('asyncio.run and new_event_loop().run_until_complete print what python3 prints, %s', async (_name, hide) => {
    if (hide) {
      // Before Pyodide loads, in the kernel's own worker: as a browser without JSPI would be.
      await shared.context.route(/python\.worker[^/]*\.js$/, async (route) => {
        const response = await route.fetch();
        const body = `delete WebAssembly.Suspending; delete WebAssembly.promising;\n${await response.text()}`;
        await route.fulfill({ response, body });
      });
    }
    const { cell, errors } = await openWithCode(shared.context, 'what-is-an-event-loop', 'first-generator', PROGRAM);
    await cell.getByRole('button', { name: 'Run cell' }).click();
    await waitUntilIdle(cell);
    expect(await logText(cell)).toBe(cpython(PROGRAM));
    expect(errors).toEqual([]);
  });
});
