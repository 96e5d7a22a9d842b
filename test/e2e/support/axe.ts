import AxeBuilder from '@axe-core/playwright';
import type { NotebookPage } from './notebook-page.ts';
import { playwrightPageOf } from './playwright-escape-hatch.ts';

export type ColorScheme = 'light' | 'dark';

/** What axe-core finds on the page as it is now, one line per rule and element, ready to compare with []. */
export async function axeViolations(notebook: NotebookPage): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: playwrightPageOf(notebook) }).analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
  );
}

/** Asks for the system's colour scheme, as the reader's device sets it. */
export function emulateColorScheme(notebook: NotebookPage, colorScheme: ColorScheme): Promise<void> {
  return playwrightPageOf(notebook).emulateMedia({ colorScheme });
}

/** The same, in light and then dark colours. */
export async function axeViolationsInBothSchemes(notebook: NotebookPage): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await emulateColorScheme(notebook, colorScheme);
    found.push(...(await axeViolations(notebook)).map((line) => `${colorScheme}: ${line}`));
  }
  return found;
}

/** axe's colour-contrast rule on the elements `selector` matches: what failed, what it could not decide, what passed. */
export async function colorContrast(notebook: NotebookPage, selector: string) {
  const results = await new AxeBuilder({ page: playwrightPageOf(notebook) }).include(selector).withRules(['color-contrast']).analyze();
  const nodes = (found: typeof results.passes) => found.flatMap((rule) => rule.nodes.map((node) => node.html));
  return {
    failures: results.violations.flatMap((rule) => rule.nodes.map((node) => node.failureSummary)),
    undecided: nodes(results.incomplete),
    passed: nodes(results.passes),
  };
}
