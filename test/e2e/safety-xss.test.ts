/**
 * Safety: markup a cell prints, shows or raises, or a link carries, stays text: nothing of it runs
 * in the page (XSS). The payloads are in support/xss-payloads.ts.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { readChapters } from '../support/chapters.ts';
import { chapterPath } from './support/chapter-url.ts';
import { ANSWER_MS } from './support/limits.ts';
import type { NotebookPage } from './support/notebook-page.ts';
import { playwrightPageOf } from './support/playwright-escape-hatch.ts';
import { hasChromium, useSite } from './support/site.ts';
import { LOAD, PAYLOADS } from './support/xss-payloads.ts';

const firstCell = readChapters().find((chapter) => chapter.slug === 'task')!.cells[0]!;
type Counters = { __xss: number; __canary: number };

describe.skipIf(!hasChromium)('safety: a misbehaving cell never breaks the page', () => {
  describe('markup from cells and links never runs in the page (XSS)', () => {
    // The site's Content-Security-Policy would refuse these payloads anyway (test/e2e/csp.test.ts);
    // here the policy is bypassed, so what is tested is that output and code stay text on their own.
    const site = useSite({ bypassCSP: true });

    let dialogs: string[];
    let popups: number;
    beforeEach(async () => {
      dialogs = [];
      popups = 0;
      await site.profile.addInitScript(() => {
        const counters = window as unknown as Counters;
        counters.__xss = 0;
        counters.__canary = 0;
        // Sandboxed frames have an opaque origin: they could only reach the page by postMessage.
        window.addEventListener('message', (event) => {
          if (event.data === '__xss') counters.__xss++;
          if (event.data === '__canary') counters.__canary++;
        });
      });
    });

    /** Opens `path`, counting dialogs and popups from the first byte (events only Playwright reports here). */
    async function openWatched(path: string): Promise<NotebookPage> {
      const page = await site.open('about:blank');
      const tab = playwrightPageOf(page);
      tab.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      tab.on('popup', () => popups++);
      await page.goto(path);
      return page;
    }

    const xssCount = (page: NotebookPage) => page.evaluate(() => (window as unknown as Counters).__xss);

    /**
     * Hovers the page (for payloads that wait for a pointer), then puts a canary in the page, an
     * image that loads and a frame whose script posts a message, and waits until both have
     * reported: by then a payload that had become an image or a frame would have gone off too.
     */
    async function expectNothingRan(page: NotebookPage): Promise<void> {
      await page.moveMouse(200, 200);
      await page.moveMouse(400, 300);
      await page.evaluate(() => {
        const host = document.createElement('div');
        host.id = 'xss-canary';
        const image = document.createElement('img');
        image.addEventListener('load', () => (window as unknown as Counters).__canary++);
        image.src = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', 'allow-scripts');
        frame.srcdoc = `<script>parent.postMessage('__canary', '*')</script>`;
        host.append(image, frame);
        (window as unknown as Counters).__canary = 0;
        document.body.append(host);
      });
      await page.waitUntil(async () => (await page.evaluate(() => (window as unknown as Counters).__canary)) === 2, {
        timeout: ANSWER_MS,
        message: 'the canary image and frame to report',
      });
      await page.evaluate(() => document.getElementById('xss-canary')?.remove());
      expect(await xssCount(page)).toBe(0);
      expect(dialogs).toEqual([]);
    }

    test('the detector works: the same payloads, put into the page as markup, are caught', async () => {
      const page = await openWatched('task/');
      // A payload as page markup bumps the counter; one in a frame that may run scripts posts to it.
      await page.evaluate((markup) => {
        const host = document.createElement('div');
        host.innerHTML = markup;
        document.body.append(host);
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', 'allow-scripts');
        frame.srcdoc = `<script>parent.postMessage('__xss', '*')</script>`;
        document.body.append(frame);
      }, PAYLOADS[1]!);
      await expect.poll(() => xssCount(page)).toBe(2);
    });

    test(`${PAYLOADS.length} payloads as stdout, stderr, a repr and an exception stay text`, async () => {
      expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
      const page = await openWatched('task/');
      expect(await xssCount(page)).toBe(0);

      // (a) printed, on both streams.
      const first = page.cell(1);
      await first.replaceCode(`${LOAD}\nfor p in P: print(p); print(p, file=sys.stderr)`);
      const printed = await first.run();
      for (const payload of PAYLOADS) expect(printed).toContain(`${payload}\n${payload}\n`);
      await expectNothingRan(page);

      // (b) the repr of a last expression: the list's own repr, and an object whose repr is raw markup.
      const second = page.cell(2);
      await second.replaceCode(`class Raw: __repr__ = lambda self: "\\n".join(P)\nRaw()`);
      expect(await second.run()).toContain(PAYLOADS.join('\n'));
      await second.replaceCode('P');
      expect(await second.run()).toContain('<script>window.__xss++</script>');
      await expectNothingRan(page);

      // (c) an exception's message, and an exception whose class name is markup.
      const third = page.cell(3);
      await third.replaceCode('raise ValueError("\\n".join(P))');
      expect(await third.run()).toContain(`ValueError: ${PAYLOADS.join('\n')}`);
      await third.replaceCode('raise type(P[1], (Exception,), {})(P[0])');
      expect(await third.run()).toContain(`${PAYLOADS[1]}: ${PAYLOADS[0]}`);
      await expectNothingRan(page);

      // No element from a payload made it into the outputs.
      expect(await page.find({ css: '[role="log"] :is(img, iframe, svg, script, object, embed, video, audio, style, a)' }).count()).toBe(0);
      expect(popups).toBe(0);
      expect(page.errors()).toEqual([]);
    });

    test('payloads through notebook_display.html() and .svg() render only in a sandbox with no permissions', async () => {
      const page = await openWatched('task/');
      const cell = page.cell(1);
      await cell.replaceCode(`${LOAD}\nimport notebook_display\nfor p in P: notebook_display.html(p); notebook_display.svg(p)`);
      expect(await cell.run()).not.toContain('Error');
      const frames = cell.log().find({ css: 'iframe' });
      await expect.poll(() => frames.count()).toBe(PAYLOADS.length * 2);
      const attributes = await frames.evaluateAll((elements) =>
        elements.map((frame) => ({
          sandbox: frame.getAttribute('sandbox'),
          tokens: (frame as HTMLIFrameElement).sandbox.length,
          srcdoc: (frame as HTMLIFrameElement).srcdoc,
        })),
      );
      for (const [i, { sandbox, tokens, srcdoc }] of attributes.entries()) {
        expect(sandbox, `frame ${i}`).toBe('');
        expect(tokens, `frame ${i}`).toBe(0);
        expect(srcdoc).toBe(PAYLOADS[Math.floor(i / 2)]);
      }
      await expectNothingRan(page);
      expect(popups).toBe(0);
    });

    test('payloads typed as code, saved, reloaded and run stay text', async () => {
      const page = await openWatched('task/');
      const cell = page.cell(1);
      const code = PAYLOADS.join('\n');
      // Monaco may indent a line after one it thinks opens a block; the payloads themselves are what matter.
      await cell.replaceCode(code, { exact: false });
      await expect.poll(async () => (await cell.code()).replace(/^[ \t]+/gm, '')).toBe(code);
      await expectNothingRan(page);
      const text = await cell.run();
      expect(text).toContain('SyntaxError');
      expect(text).toMatch(/File "Cell 1", line \d+/);
      await expectNothingRan(page);

      // The saved edit comes back as the page's static code.
      await page.waitForSavedEdit(firstCell.id, await cell.code());
      await page.reload();
      const shown = await page.cell(1).codeView().text();
      for (const payload of PAYLOADS) expect(shown).toContain(payload);
      await expectNothingRan(page);
      expect(popups).toBe(0);
      expect(page.errors()).toEqual([]);
    });

    test('payloads as code in a shared link stay text, before and after Run', async () => {
      const code = PAYLOADS.join('\n');
      const page = await openWatched(chapterPath('task', { share: { cellId: firstCell.id, code } }));
      const cell = page.cell(1);
      expect(await cell.isFromLink()).toBe(true);
      expect(await cell.codeView().text()).toContain(code);
      await expectNothingRan(page);
      expect(await cell.run()).toContain('SyntaxError');
      await expectNothingRan(page);

      // A link whose cell id is itself markup is ignored.
      const odd = await openWatched(`task/#share=${encodeURIComponent(PAYLOADS[1]!)}.${Buffer.from(code).toString('base64url')}`);
      expect(await odd.cell(1).isFromLink()).toBe(false);
      await expectNothingRan(odd);
      expect(popups).toBe(0);
    });
  });
});
