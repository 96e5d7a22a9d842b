import type { Language } from '../lib/languages.ts';
import type { Rule } from './checks.ts';

/** One language's side of an exercise. */
export interface ExerciseSide {
  starter: string;
  solution: string;
  /** Given code the check runs first in its fresh namespace: what the chapter's earlier cells define. */
  prelude: string;
  /** Code the check runs after the reader's. */
  after: string;
  rules: Rule[];
  /** Shown one at a time; `code` in backticks. */
  hints: string[];
}

export interface Exercise {
  /** Stable: keys the reader's progress and the exercise cell's saved edits. */
  id: string;
  title: string;
  /** Names the check reads from the reader's namespace afterwards. */
  values: string[];
  /** A check that runs longer is stopped and the reader told so. */
  limitSeconds: number;
  /** Seconds the virtual clock advances per read. */
  tick: number;
  sides: Record<Language, ExerciseSide>;
}
