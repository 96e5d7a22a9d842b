import type { Language } from '../lib/languages.ts';
import type { TraceStep } from './trace-step.ts';

/** Sent (bubbling) by a loop view each time it draws a step: what a picture that follows it needs. */
export const LOOP_STEP_EVENT = 'loop-step';
export interface LoopStepDetail {
  cellId: string;
  /** The language of the run the steps are from. */
  language: Language;
  steps: readonly TraceStep[];
  /** 0-based; -1 before any step. */
  position: number;
}

/** The part of the view that loads on the first "Show the loop" (./loop-view.ts). */
export interface LoopViewController {
  /** The next runs of the cell are recorded while the view is open, and not once it is closed. */
  setOpen(open: boolean): void;
}
