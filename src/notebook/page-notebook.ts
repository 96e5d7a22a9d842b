import type { Language } from '../lib/languages.ts';
import { keepEdits } from './edit-persistence.ts';
import { KERNEL_FACTORIES } from './kernels.ts';
import { noteStops } from './kernel-notice.ts';
import { Notebook } from './notebook.ts';
import { initialLanguage, reflectLanguage } from './page-language.ts';
import { readPageCells } from './read-page.ts';

let notebook: Notebook | undefined;

/**
 * The page's one notebook, made on first use from the server-rendered page: its cells' models,
 * the language shown, edits kept in storage, the restart notice. Cheap: a kernel's worker starts
 * only when asked.
 */
export function getNotebook(): Notebook {
  if (notebook) return notebook;
  const made = new Notebook(readPageCells(), initialLanguage(), (language: Language) => KERNEL_FACTORIES[language]());
  notebook = made;
  made.onLanguageChange(reflectLanguage);
  keepEdits(made.cells, () => made.cells.map((cell) => `# Cell ${cell.index}\n${cell.sideFor(made.language).code}\n`).join('\n'));
  noteStops(made);
  return made;
}
