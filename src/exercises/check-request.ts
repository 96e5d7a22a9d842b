import type { Language } from '../lib/languages.ts';

/** Everything a harness needs to run one check of one exercise. */
export interface CheckRequest {
  language: Language;
  /** The reader's code. */
  source: string;
  /** Given code run first, in the same fresh namespace: what earlier cells would have defined. */
  prelude: string;
  /** Code run after the reader's, e.g. the program that uses what the reader wrote. */
  after: string;
  /** Names whose values the harness reads from the namespace afterwards. */
  values: string[];
  limitSeconds: number;
  /** Seconds the virtual clock advances on each read: how fast a busy wait reaches its deadline. */
  tick: number;
}

/** The line the harnesses print before the observation's JSON. */
export const OBSERVATION_MARKER = '\u241eexercise-observation ';
