// How the bench drives Chromium: fresh profiles, and the one timing it takes from a click.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';
import { LIMITS, timedClick } from './reader.mjs';

export const CHAPTER = 'what-is-an-event-loop/';
export const FIRST_RUN = `nb-cell[data-index="1"]`;

/** A browser with a fresh, empty profile: nothing cached, no compiled wasm. */
export async function coldBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  return {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Milliseconds from a click on `button` until `output` shows fresh text (after the stored output,
 * if any, was cleared), measured inside the page; with `until` (a regular expression's source),
 * until the fresh text matches it.
 */
export function clickToOutput(page, button, output, { until, timeout = LIMITS.run } = {}) {
  return timedClick(
    page,
    button,
    ([buttonSelector, outputSelector, pattern]) => {
      const target = document.querySelector(outputSelector);
      const wanted = pattern === undefined ? undefined : new RegExp(pattern);
      window.__bench = new Promise((resolve) => {
        let clickedAt = 0;
        let cleared = (target.textContent ?? '') === '';
        document.querySelector(buttonSelector).addEventListener('click', () => (clickedAt = performance.now()), {
          capture: true,
          once: true,
        });
        const observer = new MutationObserver(() => {
          const content = target.textContent ?? '';
          if (!clickedAt) return;
          if (content === '') cleared = true;
          else if (cleared && (wanted === undefined || wanted.test(content))) {
            observer.disconnect();
            resolve(performance.now() - clickedAt);
          }
        });
        observer.observe(target, { childList: true, subtree: true, characterData: true });
      });
    },
    [button, output, until],
    timeout,
  );
}

/** The two pages the bench compares: the chapter's first cell, and the bare Pyodide page. */
export const TARGETS = {
  notebook: { path: CHAPTER, button: `${FIRST_RUN} .cell-run`, output: `${FIRST_RUN} [role="log"]` },
  bare: { path: '__baseline/', button: '#run', output: '#output' },
};

/** Opens `target` in `page`, optionally lets the reader read for `readMs`, and times its first run. */
export async function firstOutput(page, origin, target, readMs = 0) {
  const { path, button, output } = TARGETS[target];
  await page.goto(`${origin}/${path}`, { waitUntil: 'load', timeout: LIMITS.answer * 2 });
  if (readMs > 0) await page.waitForTimeout(readMs);
  return clickToOutput(page, button, output);
}

/** A cold first run of `target` in a fresh profile. */
export async function coldFirstOutput(origin, target, readMs = 0) {
  const browser = await coldBrowser();
  try {
    return await firstOutput(browser.page, origin, target, readMs);
  } finally {
    await browser.close();
  }
}
