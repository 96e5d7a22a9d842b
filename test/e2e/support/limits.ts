/**
 * The time limits of the waits in NotebookPage. They only bound how long a test waits for what the
 * reader would see; how fast things happen is the bench's business (DESIGN.md, Budgets).
 */

/** A run, cold kernel included, on a loaded two-core machine. */
export const RUN_MS = 120_000;
/** Monaco loading and taking the focus after a click. */
export const EDITOR_MS = 30_000;
/** Something the page does at once in answer to a click or a key (a state, a label, a focus). */
export const ANSWER_MS = 10_000;
/** A page load or a navigation. */
export const NAVIGATION_MS = 30_000;
