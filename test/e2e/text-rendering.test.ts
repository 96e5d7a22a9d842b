import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { readChapters } from '../support/chapters.ts';
import { cellByIndex, hasChromium, openPage, outputOf, runCell, useBrowser } from './support/browser.ts';
import { openEditor, replaceCode } from './support/editor.ts';

// Progress lines drawn with \r, a backspace, and ANSI colours, as a reader of JupyterLab (or of
// a terminal) sees them: one progress line, real colour, no escape codes on screen.

// One statement per line and no "[" typed: Monaco's Python mode would auto-indent the body of the
// loop and close each bracket typed inside a string, where a reader pasting would get neither.
const PYTHON = [
  'import time',
  "for i in range(5): print(f'\\rprogress {i+1}/5', end='', flush=True); time.sleep(0.05)",
  'print()',
  "print('abc\\bd')",
  "CSI = '\\x1b\\x5b'",
  "print(f'{CSI}1;31mred bold{CSI}0m plain')",
].join('\n');

// console.log always ends its line, so the progress is one log of five \r-separated updates.
const TYPESCRIPT = [
  "let line = '';",
  'for (let i = 1; i <= 5; i++) line += `\\rprogress ${i}/5`;',
  'console.log(line);',
  "console.log('abc\\bd');",
  "console.log('\\x1b[1;31mred bold\\x1b[0m plain');",
].join('\n');

const EXPECTED = 'progress 5/5\nabd\nred bold plain';
const firstCell = readChapters().find((chapter) => chapter.slug === 'task')!.cells[0]!;

/** The log's text as laid out on screen; blocks offscreen have none, so bring it into view first. */
async function shownText(log: Locator): Promise<string> {
  await log.scrollIntoViewIfNeeded();
  await log.page().evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  return (await log.innerText()).trim();
}

/** The red span's computed colour as [r, g, b] and its font weight. */
function redSpan(log: Locator) {
  return log.locator('.ansi-red-fg').evaluate((span) => {
    const style = getComputedStyle(span);
    const rgb = /rgba?\((\d+), (\d+), (\d+)/.exec(style.color)!.slice(1).map(Number);
    return { text: span.textContent, rgb, weight: Number(style.fontWeight) };
  });
}

async function runEdited(page: Page, code: string) {
  const cell = await openEditor(page, 1);
  await replaceCode(page, code);
  await runCell(cell);
  return outputOf(cell);
}

describe.skipIf(!hasChromium)('text rendering as in JupyterLab', () => {
  const shared = useBrowser();

  test.each([
    ['Python', 'task/', PYTHON],
    ['TypeScript', 'task/?lang=ts', TYPESCRIPT],
  ])('%s: \\r progress is one line, \\b erases, bold red is bold and red', async (_, path, code) => {
    const { page, errors } = await openPage(shared.context, path);
    const log = await runEdited(page, code);
    const text = await shownText(log);
    expect(text).toBe(EXPECTED);
    expect(text.match(/progress/g)).toHaveLength(1);
    expect(text).not.toContain('[1;31m');
    expect(text).not.toContain('[0m');

    const span = await redSpan(log);
    expect(span.text).toBe('red bold');
    const [r, g, b] = span.rgb;
    expect(r).toBeGreaterThan(150);
    expect(r! - Math.max(g!, b!)).toBeGreaterThan(100);
    expect(span.weight).toBeGreaterThanOrEqual(700);
    // The rest of the line is plain again.
    expect(await log.locator('.ansi', { hasText: 'plain' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the Python traceback of an error with a coloured message shows the colour, not the codes', async () => {
    const { page, errors } = await openPage(shared.context, 'task/');
    const log = await runEdited(page, "CSI = '\\x1b\\x5b'\nraise ValueError(f'{CSI}31mbad{CSI}0m value')");
    const text = await shownText(log);
    expect(text).toContain('ValueError: bad value');
    expect(text).not.toContain('[31m');
    expect((await redSpan(log)).text).toBe('bad');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('TypeScript: console.log and the Out value look as in Node', async () => {
    const { page, errors } = await openPage(shared.context, 'task/?lang=ts');
    const code = ["console.log(new Map([['a', 1]]));", "console.log('%s is %d', 'x', 5);", 'new Set([1, 2])'].join('\n');
    const log = await runEdited(page, code);
    // The text as written: innerText would add a line break where the block of stdout ends.
    expect(await log.textContent()).toBe("Map(1) { 'a' => 1 }\nx is 5\nSet(2) { 1, 2 }\n");
    expect(errors).toEqual([]);
    await page.close();
  });

  // Opened from a share link rather than typed: Monaco's big content layer would sit in axe's idea
  // of what is above the output, and axe would give up on every span.
  test.each(['light', 'dark'] as const)('every ANSI colour passes axe’s contrast check (%s scheme asked for)', async (scheme) => {
    const palette = "for n in range(8): print(f'\\x1b[3{n}mfg\\x1b[0m \\x1b[9{n}mbright\\x1b[0m \\x1b[4{n}mbg\\x1b[0m \\x1b[10{n}mbright bg\\x1b[0m \\x1b[1;3{n}mbold\\x1b[0m')";
    const link = `task/?lang=py#share=${firstCell.id}.${Buffer.from(palette).toString('base64url')}`;
    const { page, errors } = await openPage(shared.context, link);
    await page.emulateMedia({ colorScheme: scheme });
    const cell = cellByIndex(page, 1);
    await runCell(cell);
    const log = outputOf(cell);
    expect(await log.locator('.ansi').count()).toBe(8 * 5);
    // In the middle of the screen, clear of the sticky header.
    await log.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await shownText(log);
    const results = await new AxeBuilder({ page }).include('[aria-label="Output of cell 1"]').withRules(['color-contrast']).analyze();
    const nodes = (found: typeof results.passes) => found.flatMap((rule) => rule.nodes.map((node) => node.html));
    expect(results.violations.flatMap((rule) => rule.nodes.map((node) => node.failureSummary))).toEqual([]);
    // Every coloured span was judged (none left undecided), and passed.
    expect(nodes(results.incomplete)).toEqual([]);
    expect(nodes(results.passes).filter((html) => html.includes('class="ansi')).length).toBe(8 * 5);
    expect(errors).toEqual([]);
    await page.close();
  });
});
