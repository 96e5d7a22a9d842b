import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:monaco-css';
const RESOLVED_VIRTUAL = '\0virtual:monaco-css';
const CSS_PREFIX = '\0monaco-css:';
const PLACEHOLDER = '__MONACO_EDITOR_CSS__';

const FONT_TYPES: Record<string, string> = { ttf: 'font/ttf', woff: 'font/woff', woff2: 'font/woff2' };

/** The stylesheet's own files (the codicon font) travel inside it, since the text moves elsewhere. */
function inlineUrls(cssPath: string, css: string): string {
  return css.replace(/url\(\s*['"]?(\.{1,2}\/[^'")]+)['"]?\s*\)/g, (match, relative: string) => {
    const file = resolve(dirname(cssPath), relative.split(/[?#]/)[0]!);
    const type = FONT_TYPES[file.split('.').pop() ?? ''];
    return type ? `url(data:${type};base64,${readFileSync(file).toString('base64')})` : match;
  });
}

/**
 * Keeps Monaco's styles off pages where nobody edits. Astro links the CSS of every dynamically
 * imported chunk from each page's head as a render-blocking stylesheet (and drops CSS assets it
 * did not make), so in the build Monaco's CSS imports become empty modules and their text is
 * handed to the editor as a string (`virtual:monaco-css`), which it adds to the page when it opens.
 * In dev the string is empty and Vite injects the styles with the editor's code.
 */
export default function monacoCss(): Plugin {
  let building = false;
  const sheets = new Map<string, string>();
  return {
    name: 'monaco-css',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build' && !config.build.ssr;
    },
    resolveId(source, importer) {
      if (source === VIRTUAL) return RESOLVED_VIRTUAL;
      if (!building || !importer || !source.endsWith('.css')) return null;
      if (!importer.includes('/node_modules/monaco-editor/')) return null;
      // A suffix that is not `.css`, so Vite's own CSS handling leaves the empty module alone.
      return `${CSS_PREFIX}${resolve(dirname(importer), source)}.js`;
    },
    load(id) {
      if (id === RESOLVED_VIRTUAL) return `export default ${JSON.stringify(building ? PLACEHOLDER : '')};`;
      if (id.startsWith(CSS_PREFIX)) {
        const path = id.slice(CSS_PREFIX.length, -'.js'.length);
        sheets.set(path, inlineUrls(path, readFileSync(path, 'utf8')));
        return 'export {};';
      }
      return null;
    },
    // Only now is every stylesheet known; the placeholder string becomes their text.
    generateBundle(_options, bundle) {
      const css = JSON.stringify([...sheets.values()].join('\n'));
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes(PLACEHOLDER)) {
          chunk.code = chunk.code.replace(new RegExp(`(["'\`])${PLACEHOLDER}\\1`), () => css);
        }
      }
    },
  };
}
