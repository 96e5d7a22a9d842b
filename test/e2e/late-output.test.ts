/**
 * A run outlives its last line: what a cell leaves on the event loop keeps printing into that
 * cell, other cells run meanwhile, and Stop, a re-run, Reset and Restart cancel the leftovers.
 */
import { describe, expect, test } from 'vitest';
import type { Language } from './support/chapter-url.ts';
import { hasChromium, useSite, type Site } from './support/site.ts';

const SLUG = 'what-is-an-event-loop';
const FIRST = 'first-generator';
const SECOND = 'step-with-next';

/** Opens chapter 1 with `code` in its first cell, as a shared link would, and runs it to its last line. */
async function runShared(site: Site, code: string, language: Language) {
  const page = await site.openChapter(SLUG, { language, share: { cellId: FIRST, code } });
  const cell = page.cellById(FIRST);
  await cell.clickRun();
  await cell.waitUntilIdle();
  return { page, cell };
}

describe.skipIf(!hasChromium)('late output reaches its cell', () => {
  const site = useSite();
  const runPython = (code: string) => runShared(site, code, 'python');

  test('call_later prints after the last line, while another cell runs meanwhile', async () => {
    const { page, cell } = await runPython("import asyncio\nasyncio.get_running_loop().call_later(2, print, 'late')\nprint('now')");
    expect(await cell.logText()).toBe('now\n');
    await expect.poll(() => cell.state()).toContain('1 timer pending');
    expect(await cell.button('Stop').isVisible()).toBe(true);
    const second = page.cellById(SECOND);
    await second.clickRun();
    await second.waitUntilIdle();
    expect(await cell.logText()).toBe('now\n');
    await cell.waitForOutput('now\nlate\n');
    await expect.poll(() => cell.state()).not.toContain('pending');
    expect(await second.logText()).not.toContain('late');
    expect(page.errors()).toEqual([]);
  });

  test('a fire-and-forget task prints into the cell that created it', async () => {
    const { cell } = await runPython(
      "import asyncio\nasync def later():\n    await asyncio.sleep(0.5)\n    print('from the task')\nkeep = asyncio.create_task(later())\nprint('started')",
    );
    await cell.waitForOutput('started\nfrom the task\n');
  });

  test('a task exception nobody retrieved shows in its cell, not only in the console', async () => {
    const { page, cell } = await runPython(
      "import asyncio\nasync def boom():\n    await asyncio.sleep(0.2)\n    raise ValueError('nobody caught me')\nasyncio.create_task(boom())\nprint('ok')",
    );
    await cell.waitForOutput('ValueError: nobody caught me');
    expect(await cell.logText()).toContain('line 4, in boom');
    expect(page.errors().join('\n')).not.toContain('nobody caught me');
  });

  test('Stop cancels the pending work and says so', async () => {
    const { cell } = await runPython("import asyncio\nhandle = asyncio.get_running_loop().call_later(60, print, 'never')");
    await expect.poll(() => cell.state()).toContain('1 timer pending');
    await cell.stop();
    await expect.poll(() => cell.state()).toContain('pending work cancelled');
    expect(await cell.button('Stop').isVisible()).toBe(false);
  });

  test('running the cell again cancels what its earlier run left', async () => {
    const { cell } = await runPython(
      "import asyncio\nruns = globals().get('runs', 0) + 1\nasyncio.get_running_loop().call_later(1, print, f'late from run {runs}')",
    );
    await cell.clickRun();
    await cell.waitUntilIdle();
    await cell.waitForOutput('late from run 2');
    expect(await cell.logText()).not.toContain('run 1');
  });

  test('Reset and Restart cancel pending work', async () => {
    const { page, cell } = await runPython("import asyncio\nhandle = asyncio.get_running_loop().call_later(60, print, 'never')");
    await expect.poll(() => cell.state()).toContain('pending');
    await cell.reset();
    await expect.poll(() => cell.state()).not.toContain('pending');

    await cell.clickRun();
    await cell.waitUntilIdle();
    const code = "import asyncio\nhandle = asyncio.get_running_loop().call_later(60, print, 'never')";
    const again = await runPython(code);
    await expect.poll(() => again.cell.state()).toContain('pending');
    await again.page.restart();
    await expect.poll(() => again.cell.state()).not.toContain('pending');
    await page.close();
  });
});

describe.skipIf(!hasChromium)('TypeScript: timers, intervals and jobs a cell schedules', () => {
  const site = useSite();
  const runTypeScript = (code: string) => runShared(site, code, 'typescript');

  test('setTimeout prints after the last line, and the cell says a timer is pending', async () => {
    const { cell } = await runTypeScript("setTimeout(() => console.log('late'), 1500);\nconsole.log('now');");
    expect(await cell.logText()).toBe('now\n');
    await expect.poll(() => cell.state()).toContain('1 timer pending');
    await cell.waitForOutput('now\nlate\n');
  });

  test('setInterval ticks into its cell until cleared', async () => {
    const { cell } = await runTypeScript(
      "let ticks = 0;\nconst every = setInterval(() => {\n  ticks += 1;\n  console.log('tick', ticks);\n  if (ticks === 3) clearInterval(every);\n}, 100);",
    );
    await cell.waitForOutput('tick 1\ntick 2\ntick 3\n');
    await expect.poll(() => cell.state()).not.toContain('pending');
  });

  test('the classic quiz keeps its last line: sync, microtasks, then the timer', async () => {
    const { cell } = await runTypeScript(
      "console.log('sync');\nsetTimeout(() => console.log('timeout'), 0);\nPromise.resolve().then(() => console.log('promise'));\nqueueMicrotask(() => console.log('microtask'));\nconsole.log('end');",
    );
    await cell.waitForOutput('sync\nend\npromise\nmicrotask\ntimeout\n');
  });

  test('an unhandled rejection shows as an error in its cell', async () => {
    const { page, cell } = await runTypeScript("Promise.reject(new Error('nobody handled me'));\nconsole.log('after');");
    await cell.waitForOutput('Error: nobody handled me');
    expect(await cell.logText()).toContain('Uncaught (in promise)');
    expect(page.errors().join('\n')).not.toContain('nobody handled me');
  });

  test('a cell that declares its own postMessage does not cut the kernel off', async () => {
    const { cell } = await runTypeScript("const postMessage = (x: unknown) => x;\nconsole.log('still here');");
    expect(await cell.logText()).toBe('still here\n');
  });
});

describe.skipIf(!hasChromium)('page controls act on the kernel that is running', () => {
  const site = useSite();

  test('Interrupt with TypeScript on screen stops a running Python cell', async () => {
    const page = await site.openChapter(SLUG, { language: 'python', share: { cellId: FIRST, code: 'while True:\n    pass' } });
    const cell = page.cellById(FIRST);
    await cell.clickRun();
    await cell.waitUntilRunning(60_000);
    await page.switchLanguage('typescript');
    await page.interrupt();
    await cell.waitUntilIdle(30_000);
    expect(await cell.logText()).toContain('KeyboardInterrupt');
    expect(await page.kernelStatus().renderedText()).toContain('Python: idle');
  });
});
