import { createHighlighter } from 'shiki';
import { CODE_THEME } from '../editor/code-style.ts';

// One highlighter for the whole build: creating one per cell would load the grammar every time.
const highlighter = createHighlighter({ themes: [CODE_THEME], langs: ['python', 'typescript'] });

/** Highlighted HTML for a cell's code, readable with JavaScript off. */
export async function highlight(code: string, lang: 'python' | 'typescript'): Promise<string> {
  return (await highlighter).codeToHtml(code, { lang, theme: CODE_THEME });
}
