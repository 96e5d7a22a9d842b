import { describe, expect, test } from 'vitest';
import { readChapters } from '../support/chapters.ts';
import { colorContrast, emulateColorScheme } from './support/axe.ts';
import type { Cell } from './support/cell.ts';
import type { NotebookPage } from './support/notebook-page.ts';
import { hasChromium, useSite } from './support/site.ts';

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

/** The red span's computed colour as [r, g, b] and its font weight. */
function redSpan(cell: Cell) {
  return cell
    .log()
    .find({ css: '.ansi-red-fg' })
    .evaluate((span) => {
      const style = getComputedStyle(span);
      const rgb = /rgba?\((\d+), (\d+), (\d+)/.exec(style.color)!.slice(1).map(Number);
      return { text: span.textContent, rgb, weight: Number(style.fontWeight) };
    });
}

/** Pastes `code` into cell 1 and runs it. */
async function runEdited(page: NotebookPage, code: string): Promise<Cell> {
  const cell = page.cell(1);
  await cell.replaceCode(code);
  await cell.run();
  return cell;
}

describe.skipIf(!hasChromium)('text rendering as in JupyterLab', () => {
  const site = useSite();

  test.each([
    ['Python', 'python', PYTHON],
    ['TypeScript', 'typescript', TYPESCRIPT],
  ] as const)('%s: \\r progress is one line, \\b erases, bold red is bold and red', async (_, language, code) => {
    const page = await site.openChapter('task', language === 'python' ? {} : { language });
    const cell = await runEdited(page, code);
    const text = await cell.shownLog();
    expect(text).toBe(EXPECTED);
    expect(text.match(/progress/g)).toHaveLength(1);
    expect(text).not.toContain('[1;31m');
    expect(text).not.toContain('[0m');

    const span = await redSpan(cell);
    expect(span.text).toBe('red bold');
    const [r, g, b] = span.rgb;
    expect(r).toBeGreaterThan(150);
    expect(r! - Math.max(g!, b!)).toBeGreaterThan(100);
    expect(span.weight).toBeGreaterThanOrEqual(700);
    // The rest of the line is plain again.
    expect(await cell.log().find({ css: '.ansi', hasText: 'plain' }).count()).toBe(0);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  test('the Python traceback of an error with a coloured message shows the colour, not the codes', async () => {
    const page = await site.open('task/');
    const cell = await runEdited(page, "CSI = '\\x1b\\x5b'\nraise ValueError(f'{CSI}31mbad{CSI}0m value')");
    const text = await cell.shownLog();
    expect(text).toContain('ValueError: bad value');
    expect(text).not.toContain('[31m');
    expect((await redSpan(cell)).text).toBe('bad');
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  test('TypeScript: console.log and the Out value look as in Node', async () => {
    const page = await site.openChapter('task', { language: 'typescript' });
    const code = ["console.log(new Map([['a', 1]]));", "console.log('%s is %d', 'x', 5);", 'new Set([1, 2])'].join('\n');
    const cell = await runEdited(page, code);
    // The text as written: innerText would add a line break where the block of stdout ends.
    expect(await cell.logText()).toBe("Map(1) { 'a' => 1 }\nx is 5\nSet(2) { 1, 2 }\n");
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  // Opened from a share link rather than typed: Monaco's big content layer would sit in axe's idea
  // of what is above the output, and axe would give up on every span.
  test.each(['light', 'dark'] as const)('every ANSI colour passes axe’s contrast check (%s scheme asked for)', async (scheme) => {
    const palette = "for n in range(8): print(f'\\x1b[3{n}mfg\\x1b[0m \\x1b[9{n}mbright\\x1b[0m \\x1b[4{n}mbg\\x1b[0m \\x1b[10{n}mbright bg\\x1b[0m \\x1b[1;3{n}mbold\\x1b[0m')";
    const page = await site.openChapter('task', { language: 'python', share: { cellId: firstCell.id, code: palette } });
    await emulateColorScheme(page, scheme);
    const cell = page.cell(1);
    await cell.run();
    expect(await cell.log().find({ css: '.ansi' }).count()).toBe(8 * 5);
    // In the middle of the screen, clear of the sticky header.
    await cell.log().evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await cell.shownLog();
    const contrast = await colorContrast(page, '[aria-label="Output of cell 1"]');
    expect(contrast.failures).toEqual([]);
    // Every coloured span was judged (none left undecided), and passed.
    expect(contrast.undecided).toEqual([]);
    expect(contrast.passed.filter((html) => html.includes('class="ansi')).length).toBe(8 * 5);
    expect(page.errors()).toEqual([]);
    await page.close();
  });
});
