import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cellByIndex, hasChromium, openPage, outputOf, runCell, useBrowser } from './support/browser.ts';
import { pasteCode } from './support/editor.ts';

const SOLUTION = [
  'import queue',
  '',
  'class EventLoop:',
  '    def __init__(self):',
  '        self._queue = queue.Queue()',
  '',
  '    def push_task(self, *tasks):',
  '        for task in tasks:',
  '            self._queue.put(task)',
  '',
  '    def run_until_complete(self):',
  '        while not self._queue.empty():',
  '            step = self._queue.get().execute()',
  '            if step is not None:',
  '                self._queue.put(step)',
  '',
  'loop = EventLoop()',
  'loop.push_task(Ping(), Pong())',
  'loop.run_until_complete()',
].join('\n');

function exercise(page: Page, number: number): Locator {
  return page.getByRole('region', { name: new RegExp(`^Exercise ${number}:`) });
}

const feedbackOf = (region: Locator) => region.getByRole('status', { name: 'Feedback' });

/** Replaces the code of the exercise's cell as a reader's paste would. */
function typeCode(region: Locator, code: string): Promise<void> {
  return pasteCode(region.getByRole('region', { name: /^Cell E/ }), code);
}

/** Presses Check and waits for a verdict. */
async function check(region: Locator, timeout = 120_000): Promise<string> {
  await region.getByRole('button', { name: 'Check', exact: true }).click();
  await expect.poll(() => feedbackOf(region).textContent(), { timeout }).toMatch(/^(Solved|Not solved|Not checked)/);
  return (await feedbackOf(region).textContent()) ?? '';
}

/** The stored output is blurred (not hidden, so the log keeps it) until the reader has predicted. */
function isCovered(log: Locator): Promise<boolean> {
  return log.evaluate((element) => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      if (getComputedStyle(node).filter.includes('blur')) return true;
    }
    return false;
  });
}

describe.skipIf(!hasChromium)('exercises', () => {
  const shared = useBrowser();

  test('predict: two wrong tries, then the answer and the output show', async () => {
    const { page, errors } = await openPage(shared.context, 'sleep-ping-pong/');
    const predict = page.getByRole('group', { name: /^Predict first/ });
    const cell = page.getByRole('region', { name: /Run Ping and Pong/ });
    // The stored output stays covered until the reader has predicted it.
    expect(await isCovered(outputOf(cell))).toBe(true);
    await predict.getByRole('radio', { name: 'An error' }).check();
    await predict.getByRole('button', { name: 'Check my prediction' }).click();
    const feedback = predict.getByRole('status', { name: 'Prediction feedback' });
    await expect.poll(() => feedback.textContent()).toContain('1 try left');
    expect(await isCovered(outputOf(cell))).toBe(true);
    const orders = await predict.locator('input[type="radio"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).dataset['lines']));
    const wrongIndex = orders.findIndex((lines) => lines !== 'null' && lines !== JSON.stringify(['Start ping', 'Start pong', 'End pong', 'End ping']));
    await predict.locator('input[type="radio"]').nth(wrongIndex).check();
    await predict.getByRole('button', { name: 'Check my prediction' }).click();
    await expect.poll(() => feedback.textContent()).toContain('The answer: Start ping, then Start pong, then End pong, then End ping.');
    expect(await predict.getByRole('link', { name: /loop view/ }).isVisible()).toBe(true);
    expect(await isCovered(outputOf(cell))).toBe(false);
    expect(errors).toEqual([]);
  });

  test('check the starter, take a hint, write a solution, start over, and see progress after a reload', async () => {
    const { page, errors } = await openPage(shared.context, 'exercises/');
    const region = exercise(page, 3);
    expect(await check(region)).toBe(
      'Not solved yet: expected Ping to start before Pong, in the order they were pushed; “Start ping” was never printed.',
    );
    await region.getByRole('button', { name: 'Hint' }).click();
    const hints = region.getByRole('list', { name: 'Hints' }).locator('li:visible');
    expect(await hints.count()).toBe(1);
    await typeCode(region, SOLUTION);
    expect(await check(region)).toBe('Solved: every check passed.');
    await region.getByRole('button', { name: 'Start over' }).click();
    expect(await hints.count()).toBe(0);
    expect(await feedbackOf(region).textContent()).toBe('');
    const code = () =>
      region.locator('nb-cell').evaluate((cell) => (cell as unknown as { codeIn(language: string): string }).codeIn('python'));
    await expect.poll(code).toContain('# Your code:');
    expect(await region.getByRole('region', { name: /^Cell E3/ }).getByRole('button', { name: 'Reset cell' }).isDisabled()).toBe(true);
    await page.reload();
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect.poll(() => toc.getByRole('listitem').filter({ hasText: 'Exercise 3:' }).textContent()).toContain('solved');
    expect(await toc.getByRole('listitem').filter({ hasText: 'Exercise 4:' }).textContent()).toContain('not started');
    expect(errors).toEqual([]);
  });

  test('the solution, shown after a confirmation, passes its check; keyboard only', async () => {
    const { page } = await openPage(shared.context, 'exercises/');
    const region = exercise(page, 5);
    await region.getByRole('button', { name: 'Show solution' }).focus();
    await page.keyboard.press('Enter');
    // The confirmation takes the focus; Enter confirms.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, put the solution in');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Check');
    await page.keyboard.press('Enter');
    await expect.poll(() => feedbackOf(region).textContent(), { timeout: 120_000 }).toBe('Solved: every check passed.');
    await page.goto(page.url().replace(/exercises\/.*$/, ''));
    await expect.poll(() => page.locator('nb-exercise-progress').first().textContent()).toBe('1 of 5 exercises solved');
  });

  test('an endless loop is stopped with a message, and the page goes on working', async () => {
    const { page } = await openPage(shared.context, 'exercises/');
    const region = exercise(page, 3);
    await typeCode(region, 'while True:\n    pass');
    expect(await check(region)).toContain('still running after 3 seconds, so it was stopped');
    const first = cellByIndex(page, 1);
    expect(await runCell(first)).toContain('coroutine has send(): True');
  });

  test('in TypeScript, a loop the check cannot reach is stopped from outside', async () => {
    const { page } = await openPage(shared.context, 'exercises/?lang=ts');
    const region = exercise(page, 6);
    await typeCode(region, 'while (true) {}');
    expect(await check(region)).toContain('so it was stopped');
    await region.getByRole('button', { name: 'Start over' }).click();
    await region.getByRole('button', { name: 'Show solution' }).click();
    await region.getByRole('button', { name: 'Yes, put the solution in' }).click();
    expect(await check(region)).toBe('Solved: every check passed.');
  });
});
