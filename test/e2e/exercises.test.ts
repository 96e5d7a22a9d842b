import { describe, expect, test } from 'vitest';
import { hasChromium, useSite } from './support/site.ts';

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

describe.skipIf(!hasChromium)('exercises', () => {
  const site = useSite();

  test('predict: two wrong tries, then the answer and the output show', async () => {
    const page = await site.open('sleep-ping-pong/');
    const predict = page.find({ role: 'group', name: /^Predict first/ });
    const cell = page.cellNamed(/Run Ping and Pong/);
    // The stored output stays covered until the reader has predicted it.
    expect(await cell.isOutputCovered()).toBe(true);
    await predict.find({ role: 'radio', name: 'An error' }).click();
    await predict.find({ role: 'button', name: 'Check my prediction' }).click();
    const feedback = predict.find({ role: 'status', name: 'Prediction feedback' });
    await expect.poll(() => feedback.text()).toContain('1 try left');
    expect(await cell.isOutputCovered()).toBe(true);
    const choices = predict.find({ css: 'input[type="radio"]' });
    const orders = await choices.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).dataset['lines']));
    const wrongIndex = orders.findIndex((lines) => lines !== 'null' && lines !== JSON.stringify(['Start ping', 'Start pong', 'End pong', 'End ping']));
    await choices.nth(wrongIndex).click();
    await predict.find({ role: 'button', name: 'Check my prediction' }).click();
    await expect.poll(() => feedback.text()).toContain('The answer: Start ping, then Start pong, then End pong, then End ping.');
    expect(await predict.find({ role: 'link', name: /loop view/ }).isVisible()).toBe(true);
    expect(await cell.isOutputCovered()).toBe(false);
    expect(page.errors()).toEqual([]);
  });

  test('check the starter, take a hint, write a solution, start over, and see progress after a reload', async () => {
    const page = await site.open('exercises/');
    const exercise = page.exercise(3);
    expect(await exercise.check()).toBe(
      'Not solved yet: expected Ping to start before Pong, in the order they were pushed; “Start ping” was never printed.',
    );
    await exercise.button('Hint').click();
    expect(await exercise.hints().count()).toBe(1);
    await exercise.cell.replaceCode(SOLUTION);
    expect(await exercise.check()).toBe('Solved: every check passed.');
    await exercise.button('Start over').click();
    expect(await exercise.hints().count()).toBe(0);
    expect(await exercise.feedback().text()).toBe('');
    await expect.poll(() => exercise.cell.codeIn('python')).toContain('# Your code:');
    expect(await exercise.cell.button('Reset cell').attribute('disabled')).not.toBeNull();
    await page.reload();
    const toc = page.find({ role: 'navigation', name: 'On this page' });
    const tocEntry = (name: string) => toc.find({ role: 'listitem', hasText: name });
    await expect.poll(() => tocEntry('Exercise 3:').text()).toContain('solved');
    expect(await tocEntry('Exercise 4:').text()).toContain('not started');
    expect(page.errors()).toEqual([]);
  });

  test('the solution, shown after a confirmation, passes its check; keyboard only', async () => {
    const page = await site.open('exercises/');
    const exercise = page.exercise(5);
    await exercise.button('Show solution').focus();
    await page.press('Enter');
    // The confirmation takes the focus; Enter confirms.
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent);
    await expect.poll(focusedText).toBe('Yes, put the solution in');
    await page.press('Enter');
    await expect.poll(focusedText).toBe('Check');
    await page.press('Enter');
    await expect.poll(() => exercise.feedback().text(), { timeout: 120_000 }).toBe('Solved: every check passed.');
    await page.goto((await page.url()).href.replace(/exercises\/.*$/, ''));
    await expect.poll(() => page.find({ css: 'nb-exercise-progress' }).nth(0).text()).toBe('1 of 5 exercises solved');
  });

  test('an endless loop is stopped with a message, and the page goes on working', async () => {
    const page = await site.open('exercises/');
    const exercise = page.exercise(3);
    await exercise.cell.replaceCode('while True:\n    pass');
    expect(await exercise.check()).toContain('still running after 3 seconds, so it was stopped');
    expect(await page.cell(1).run()).toContain('coroutine has send(): True');
  });

  test('in TypeScript, a loop the check cannot reach is stopped from outside', async () => {
    const page = await site.openChapter('exercises', { language: 'typescript' });
    const exercise = page.exercise(6);
    await exercise.cell.replaceCode('while (true) {}');
    expect(await exercise.check()).toContain('so it was stopped');
    await exercise.button('Start over').click();
    await exercise.button('Show solution').click();
    await exercise.button('Yes, put the solution in').click();
    expect(await exercise.check()).toBe('Solved: every check passed.');
  });
});
