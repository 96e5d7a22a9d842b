// How the bench acts on a page: as a reader does, with Playwright's real clicks and keys, and with
// a time limit on every wait, so that a page that stops answering fails its figure instead of
// hanging the bench. Timings are taken inside the page, from the click's own event.

/** Time limits of the bench's waits (they bound waits; they are not budgets). */
export const LIMITS = { run: 180_000, answer: 30_000, editor: 30_000 };

export const cellSelector = (index) => `nb-cell[data-index="${index}"]`;

/** `promise`, or an error naming `what` once `ms` have passed. */
export function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Waits until the cell's run has ended (aria-busy="false"). */
export async function waitUntilIdle(page, cell, timeout = LIMITS.run) {
  await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('aria-busy') === 'false', cell, { timeout });
}

/** Clicks into the cell's code and waits until the editor has the focus (the first click loads it). */
export async function focusEditor(page, cell) {
  const editorLines = `${cell} .monaco-editor .view-lines`;
  const target = (await page.locator(editorLines).count()) > 0 ? editorLines : `${cell} .cell-code[data-language="python"]`;
  await page.click(target, { timeout: LIMITS.answer });
  await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') != null, undefined, { timeout: LIMITS.editor });
}

/** Replaces the cell's code as a reader's paste does: select all, paste; waits until the cell would run it. */
export async function pasteCode(page, cell, code) {
  await focusEditor(page, cell);
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
  await page.waitForFunction(([selector, text]) => document.querySelector(selector)?.currentCode() === text, [cell, code], {
    timeout: LIMITS.answer,
  });
}

/**
 * Arms `arm` in the page (it must store a promise in `window.__bench` and take the click's time
 * from the click event itself), clicks `target` as a reader does, and returns what the promise
 * gives, or fails once `timeout` has passed.
 */
export async function timedClick(page, target, arm, arg, timeout = LIMITS.run) {
  await page.evaluate(arm, arg);
  await page.click(target, { timeout: LIMITS.answer });
  return page.evaluate(
    (ms) => Promise.race([window.__bench, new Promise((_, reject) => setTimeout(() => reject(new Error(`no result within ${ms} ms`)), ms))]),
    timeout,
  );
}

/** Milliseconds from the click on the cell's Run button until its run has ended. */
export function timeRun(page, cell, timeout = LIMITS.run) {
  return timedClick(
    page,
    `${cell} .cell-run`,
    (selector) => {
      const element = document.querySelector(selector);
      window.__bench = new Promise((resolve) => {
        let clickedAt = 0;
        element.querySelector('.cell-run').addEventListener('click', () => (clickedAt = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (!clickedAt || element.getAttribute('aria-busy') !== 'false') return;
          observer.disconnect();
          resolve(performance.now() - clickedAt);
        });
        observer.observe(element, { attributes: true, attributeFilter: ['aria-busy'] });
      });
    },
    cell,
    timeout,
  );
}
