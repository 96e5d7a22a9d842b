/**
 * A run outlives its last line: what a cell leaves on the event loop keeps printing into that
 * cell, other cells run meanwhile, and Stop, a re-run, Reset and Restart cancel the leftovers.
 */
import { describe, expect, test } from 'vitest';
import { hasChromium, useBrowser, waitUntilIdle } from './support/browser.ts';
import { cellState, logText, openWithCode, waitForOutput } from './support/notebook-page.ts';

const SLUG = 'what-is-an-event-loop';
const FIRST = 'first-generator';
const SECOND = 'step-with-next';

describe.skipIf(!hasChromium)('late output reaches its cell', () => {
  const shared = useBrowser();

  async function runPython(code: string) {
    const opened = await openWithCode(shared.context, SLUG, FIRST, code);
    await opened.cell.getByRole('button', { name: 'Run cell' }).click();
    await waitUntilIdle(opened.cell);
    return opened;
  }

  test('call_later prints after the last line, while another cell runs meanwhile', async () => {
    const { page, cell, errors } = await runPython("import asyncio\nasyncio.get_running_loop().call_later(2, print, 'late')\nprint('now')");
    expect(await logText(cell)).toBe('now\n');
    await expect.poll(() => cellState(cell)).toContain('1 timer pending');
    expect(await cell.getByRole('button', { name: 'Stop' }).isVisible()).toBe(true);
    const second = page.locator(`nb-cell[data-cell-id="${SECOND}"]`);
    await second.getByRole('button', { name: 'Run cell' }).click();
    await waitUntilIdle(second);
    expect(await logText(cell)).toBe('now\n');
    await waitForOutput(cell, 'now\nlate\n');
    await expect.poll(() => cellState(cell)).not.toContain('pending');
    expect(await logText(second)).not.toContain('late');
    expect(errors).toEqual([]);
  });

  test('a fire-and-forget task prints into the cell that created it', async () => {
    const { cell } = await runPython(
      "import asyncio\nasync def later():\n    await asyncio.sleep(0.5)\n    print('from the task')\nkeep = asyncio.create_task(later())\nprint('started')",
    );
    await waitForOutput(cell, 'started\nfrom the task\n');
  });

  test('a task exception nobody retrieved shows in its cell, not only in the console', async () => {
    const { cell, errors } = await runPython(
      "import asyncio\nasync def boom():\n    await asyncio.sleep(0.2)\n    raise ValueError('nobody caught me')\nasyncio.create_task(boom())\nprint('ok')",
    );
    await waitForOutput(cell, 'ValueError: nobody caught me');
    expect(await logText(cell)).toContain('line 4, in boom');
    expect(errors.join('\n')).not.toContain('nobody caught me');
  });

  test('Stop cancels the pending work and says so', async () => {
    const { cell } = await runPython("import asyncio\nhandle = asyncio.get_running_loop().call_later(60, print, 'never')");
    await expect.poll(() => cellState(cell)).toContain('1 timer pending');
    await cell.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => cellState(cell)).toContain('pending work cancelled');
    expect(await cell.getByRole('button', { name: 'Stop' }).isVisible()).toBe(false);
  });

  test('running the cell again cancels what its earlier run left', async () => {
    const { cell } = await runPython(
      "import asyncio\nruns = globals().get('runs', 0) + 1\nasyncio.get_running_loop().call_later(1, print, f'late from run {runs}')",
    );
    await cell.getByRole('button', { name: 'Run cell' }).click();
    await waitUntilIdle(cell);
    await waitForOutput(cell, 'late from run 2');
    expect(await logText(cell)).not.toContain('run 1');
  });

  test('Reset and Restart cancel pending work', async () => {
    const { page, cell } = await runPython("import asyncio\nhandle = asyncio.get_running_loop().call_later(60, print, 'never')");
    await expect.poll(() => cellState(cell)).toContain('pending');
    await cell.getByRole('button', { name: 'Reset cell' }).click();
    await expect.poll(() => cellState(cell)).not.toContain('pending');

    await cell.getByRole('button', { name: 'Run cell' }).click();
    await waitUntilIdle(cell);
    const code = "import asyncio\nhandle = asyncio.get_running_loop().call_later(60, print, 'never')";
    const again = await runPython(code);
    await expect.poll(() => cellState(again.cell)).toContain('pending');
    await again.page.getByRole('button', { name: /^Restart/ }).click();
    await expect.poll(() => cellState(again.cell)).not.toContain('pending');
    await page.close();
  });
});

describe.skipIf(!hasChromium)('TypeScript: timers, intervals and jobs a cell schedules', () => {
  const shared = useBrowser();

  async function runTypeScript(code: string) {
    const opened = await openWithCode(shared.context, SLUG, FIRST, code, 'typescript');
    await opened.cell.getByRole('button', { name: 'Run cell' }).click();
    await waitUntilIdle(opened.cell);
    return opened;
  }

  test('setTimeout prints after the last line, and the cell says a timer is pending', async () => {
    const { cell } = await runTypeScript("setTimeout(() => console.log('late'), 1500);\nconsole.log('now');");
    expect(await logText(cell)).toBe('now\n');
    await expect.poll(() => cellState(cell)).toContain('1 timer pending');
    await waitForOutput(cell, 'now\nlate\n');
  });

  test('setInterval ticks into its cell until cleared', async () => {
    const { cell } = await runTypeScript(
      "let ticks = 0;\nconst every = setInterval(() => {\n  ticks += 1;\n  console.log('tick', ticks);\n  if (ticks === 3) clearInterval(every);\n}, 100);",
    );
    await waitForOutput(cell, 'tick 1\ntick 2\ntick 3\n');
    await expect.poll(() => cellState(cell)).not.toContain('pending');
  });

  test('the classic quiz keeps its last line: sync, microtasks, then the timer', async () => {
    const { cell } = await runTypeScript(
      "console.log('sync');\nsetTimeout(() => console.log('timeout'), 0);\nPromise.resolve().then(() => console.log('promise'));\nqueueMicrotask(() => console.log('microtask'));\nconsole.log('end');",
    );
    await waitForOutput(cell, 'sync\nend\npromise\nmicrotask\ntimeout\n');
  });

  test('an unhandled rejection shows as an error in its cell', async () => {
    const { cell, errors } = await runTypeScript("Promise.reject(new Error('nobody handled me'));\nconsole.log('after');");
    await waitForOutput(cell, 'Error: nobody handled me');
    expect(await logText(cell)).toContain('Uncaught (in promise)');
    expect(errors.join('\n')).not.toContain('nobody handled me');
  });

  test('a cell that declares its own postMessage does not cut the kernel off', async () => {
    const { cell } = await runTypeScript("const postMessage = (x: unknown) => x;\nconsole.log('still here');");
    expect(await logText(cell)).toBe('still here\n');
  });
});

describe.skipIf(!hasChromium)('page controls act on the kernel that is running', () => {
  const shared = useBrowser();

  test('Interrupt with TypeScript on screen stops a running Python cell', async () => {
    const { page, cell } = await openWithCode(shared.context, SLUG, FIRST, 'while True:\n    pass');
    await cell.getByRole('button', { name: 'Run cell' }).click();
    await expect.poll(() => cellState(cell), { timeout: 60_000 }).toBe('running');
    await expect.poll(() => page.locator('nb-kernel-status').getAttribute('data-state'), { timeout: 60_000 }).toBe('busy');
    await page.getByRole('radio', { name: 'TypeScript' }).click();
    await page.getByRole('button', { name: /^Interrupt/ }).click();
    await waitUntilIdle(cell, 30_000);
    expect(await logText(cell)).toContain('KeyboardInterrupt');
    expect(await page.locator('nb-kernel-status').innerText()).toContain('Python: idle');
  });
});
