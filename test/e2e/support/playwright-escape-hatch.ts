/**
 * The way out of the driver interface, for what only Playwright offers these tests: axe-core's
 * runner, network interception, offline mode, downloads, dialogs and emulated media. A test that
 * comes through here runs on Chromium alone; it still opens pages and finds cells through
 * NotebookPage. Grep for this file's name to see every such test.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Profile } from './driver/driver.ts';
import { PlaywrightProfile, PlaywrightTab } from './driver/playwright.ts';
import type { NotebookPage } from './notebook-page.ts';

export function playwrightPageOf(notebook: NotebookPage): Page {
  if (notebook.driver instanceof PlaywrightTab) return notebook.driver.page;
  throw new Error('this test needs Playwright (it reaches past the driver interface)');
}

export function playwrightContextOf(profile: Profile): BrowserContext {
  if (profile instanceof PlaywrightProfile) return profile.context;
  throw new Error('this test needs Playwright (it reaches past the driver interface)');
}
