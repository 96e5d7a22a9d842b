import { createHighlighter } from 'shiki';
import { CODE_THEMES } from './code-style.ts';
import { LANGUAGES, LANGUAGE_TABLE, type Language } from './languages.ts';

// One highlighter for the whole build: creating one per cell would load the grammar every time.
const highlighter = createHighlighter({ themes: Object.values(CODE_THEMES), langs: LANGUAGES.map((language) => LANGUAGE_TABLE[language].shiki) });

/** Highlighted HTML for a cell's code, readable with JavaScript off; colours follow the colour scheme. */
export async function highlight(code: string, language: Language): Promise<string> {
  return (await highlighter).codeToHtml(code, {
    lang: LANGUAGE_TABLE[language].shiki,
    themes: CODE_THEMES,
    defaultColor: 'light-dark()',
    transformers: [
      {
        // The cell's code block is already one tab stop; shiki's own tabindex on <pre> would be a second.
        pre(node) {
          delete node.properties['tabindex'];
        },
      },
    ],
  });
}
