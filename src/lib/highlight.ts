import { createHighlighter } from 'shiki';
import { CODE_THEME } from '../editor/code-style.ts';

// One highlighter for the whole build: creating one per cell would load the grammar every time.
const highlighter = createHighlighter({ themes: [CODE_THEME], langs: ['python'] });

/** Highlighted HTML for a cell's code, readable with JavaScript off. */
export async function highlightPython(code: string): Promise<string> {
  return (await highlighter).codeToHtml(code, { lang: 'python', theme: CODE_THEME });
}
