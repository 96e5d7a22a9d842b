/**
 * Code pasted from asyncio tutorials prints in a cell what CPython prints, also in a browser
 * without WebAssembly stack switching (hidden from Pyodide here, as on browsers that lack it).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { playwrightContextOf } from './support/playwright-escape-hatch.ts';
import { hasChromium, useSite } from './support/site.ts';

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
  const site = useSite();

  test.each([
    ['with stack switching', false],
    ['without stack switching', true],
  ])('asyncio.run and new_event_loop().run_until_complete print what python3 prints, %s', async (_name, hide) => {
    if (hide) {
      // Before Pyodide loads, in the kernel's own worker: as a browser without JSPI would be.
      // Rewriting a response is network interception: Playwright only.
      await playwrightContextOf(site.profile).route(/python\.worker[^/]*\.js$/, async (route) => {
        const response = await route.fetch();
        const body = `delete WebAssembly.Suspending; delete WebAssembly.promising;\n${await response.text()}`;
        await route.fulfill({ response, body });
      });
    }
    const page = await site.openChapter('what-is-an-event-loop', { share: { cellId: 'first-generator', code: PROGRAM } });
    const cell = page.cellById('first-generator');
    await cell.clickRun();
    await cell.waitUntilIdle();
    expect(await cell.logText()).toBe(cpython(PROGRAM));
    expect(page.errors()).toEqual([]);
  });
});
