import { browserStorage } from '../lib/edit-store.ts';
import { toStoredStep, type StoredStep } from './stored-trace.ts';
import { isTraceStep, type TraceStep } from './trace-step.ts';

/**
 * The reader's last recorded run of a cell, kept for this tab (sessionStorage): the side by side in
 * chapter 5 draws chapter 4's run from here. Keyed by the chapter's page and the cell's id
 * (`sleep-ping-pong/run-ping-pong`). Runs too long to draw are not kept.
 */
const PREFIX = 'event-loop-notebook:loop-run:';
export const MAX_KEPT_STEPS = 200;

/** The page a cell is on, as a run's key begins: the last part of the path (the base path aside). */
export const pageOf = (path: string): string => path.split('/').filter(Boolean).at(-1) ?? '';

export function keepRun(run: string, steps: readonly TraceStep[], storage = browserStorage('sessionStorage')): void {
  try {
    if (steps.length === 0 || steps.length > MAX_KEPT_STEPS) storage?.removeItem(PREFIX + run);
    else storage?.setItem(PREFIX + run, JSON.stringify(steps));
  } catch {
    // A full storage only costs the side by side the reader's run: it keeps the stored one.
  }
}

export function recordedRun(run: string, storage = browserStorage('sessionStorage')): StoredStep[] | undefined {
  try {
    const text = storage?.getItem(PREFIX + run);
    const steps: unknown = text ? JSON.parse(text) : undefined;
    // Storage is the reader's to edit: only well-formed steps are drawn.
    if (!Array.isArray(steps) || steps.length === 0 || !steps.every(isTraceStep)) return undefined;
    return steps.map(toStoredStep);
  } catch {
    return undefined;
  }
}
