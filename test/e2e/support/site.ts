/**
 * One build per suite (the global setup builds and serves dist/), one browser per describe block,
 * and a fresh profile for each test, so that saved edits and caches never leak from one test into
 * the next. Tests open pages through here and get a NotebookPage; which driver runs them is decided
 * in this file only.
 */
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { chapterPath, type ChapterOptions } from './chapter-url.ts';
import type { Browser, Profile, ProfileOptions } from './driver/driver.ts';
import { launchChromium } from './driver/playwright.ts';
import { NotebookPage } from './notebook-page.ts';

export const chromiumPath = inject('chromium');
export const hasChromium = chromiumPath !== '';

/** The address of the suite's build, served by `astro preview`. */
export const siteURL = (path = ''): string => new URL(path.replace(/^\//, ''), inject('baseURL')).href;

export function launchBrowser(): Promise<Browser> {
  return launchChromium(chromiumPath);
}

/** Opens `path` in a new tab of `profile`; relative paths are read against `base`. */
export async function openIn(profile: Profile, path: string, base = siteURL()): Promise<NotebookPage> {
  return NotebookPage.open(await profile.newTab(), path, base);
}

export interface Site {
  /** This test's profile (for one that lasts the whole block, see `profilePerTest`). */
  readonly profile: Profile;
  readonly browser: Browser;
  /** Opens a path of the site (or a whole URL) in a new tab. */
  open(path: string, base?: string): Promise<NotebookPage>;
  /** Opens a chapter, optionally in a language and with a shared cell's code, in a new tab. */
  openChapter(slug: string, options?: ChapterOptions): Promise<NotebookPage>;
  /** Another profile with other options, closed with the test. */
  newProfile(options: ProfileOptions): Promise<Profile>;
}

export function useSite(options: ProfileOptions = {}, { profilePerTest = true } = {}): Site {
  let browser: Browser | undefined;
  let profile: Profile | undefined;
  const extra: Profile[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    if (!profilePerTest) profile = await browser.newProfile(options);
  });
  afterAll(async () => browser?.close());
  if (profilePerTest) {
    beforeEach(async () => {
      profile = await browser!.newProfile(options);
    });
  }
  afterEach(async () => {
    await Promise.all(extra.splice(0).map((other) => other.close()));
    if (profilePerTest) await profile?.close();
  });
  const site: Site = {
    get profile() {
      if (!profile) throw new Error('useSite: no profile outside a test');
      return profile;
    },
    get browser() {
      if (!browser) throw new Error('useSite: no browser outside a test');
      return browser;
    },
    open: (path, base) => openIn(site.profile, path, base),
    openChapter: (slug, chapterOptions) => site.open(chapterPath(slug, chapterOptions)),
    newProfile: async (profileOptions) => {
      const other = await site.browser.newProfile(profileOptions);
      extra.push(other);
      return other;
    },
  };
  return site;
}
