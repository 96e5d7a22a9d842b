import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/** Where the index and Pagefind's own script live in the built site (one folder, easy to cache offline). */
export const PAGEFIND_DIR = 'pagefind';

/** Parts of a chapter that are controls or repeat the prose, not content to find. */
const NOT_CONTENT = ['.toc', '.chapter-nav', '.cell-bar', '.cell-note', '.storage-notice', '.notebook-download'];

/**
 * Indexes the built chapters with Pagefind once the build is done. Only what a page marks with
 * `data-pagefind-body` (the chapters' articles) is indexed; the search box loads the index from
 * the site itself, so search works under any base path and offline.
 */
export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({ forceLanguage: 'en', excludeSelectors: NOT_CONTENT });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing?');
          const written = await index.writeFiles({ outputPath: `${site}${PAGEFIND_DIR}` });
          if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
          // Pagefind counts pages it could not read; an index without a language has no words at all.
          const entry = JSON.parse(await readFile(`${site}${PAGEFIND_DIR}/pagefind-entry.json`, 'utf8')) as { languages: object };
          if (Object.keys(entry.languages).length === 0) throw new Error('Pagefind indexed no words: is the HTML well-formed?');
          logger.info(`indexed ${added.page_count} pages into ${PAGEFIND_DIR}/`);
        } finally {
          await close();
        }
      },
    },
  };
}
