import { describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { readCorpus, runReference, type CorpusLanguage } from '../support/corpus.ts';
import { hasChromium, useSite } from './support/site.ts';

// A sample of the corpus (test/content/corpus), with the lines that arrive after the cell's last one:
// the content tests run all of it on the kernels' code, these run it as a reader would, in a page.
const SAMPLE: Record<CorpusLanguage, string[]> = {
  python: ['01-hello-world', '09-taskgroup-except-star', '19-new-event-loop'],
  typescript: ['01-timeout-vs-microtask', '04-set-interval', '07-promise-all'],
};

const task = readChapters().find((chapter) => chapter.slug === 'task')!;
const first = task.cells[0]!;

const cases = (Object.keys(SAMPLE) as CorpusLanguage[]).flatMap((language) => {
  const corpus = readCorpus(language);
  return SAMPLE[language].map((name) => ({ language, snippet: corpus.find((snippet) => snippet.name === name)! }));
});

describe.skipIf(!hasChromium)('pasted snippets run in a chapter as python3 and node run them', () => {
  const site = useSite();

  test.each(cases)('$language: $snippet.name', async ({ language, snippet }) => {
    const reference = runReference(language, snippet);
    expect(reference.status, reference.stderr).toBe(0);
    // A share link opens the page with the cell's code preset, as if the reader had pasted it.
    const page = await site.openChapter('task', { language, share: { cellId: first.id, code: snippet.code } });
    const cell = page.cellById(first.id);
    await cell.run();
    // Timers and intervals print after the run has ended; the log must gain them all, in order.
    const shown = async () => normalizeOutputText(await cell.logText());
    await expect.poll(shown, { timeout: 30_000 }).toBe(normalizeOutputText(reference.stdout));
    expect(page.errors()).toEqual([]);
    await page.close();
  });
});
