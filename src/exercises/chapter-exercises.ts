import { exerciseById } from './catalog.ts';

/** An exercise as the table of contents and the home page list it. */
export interface ExerciseEntry {
  id: string;
  name: string;
}

const EXERCISE_TAG = /<Exercise\s+id="([^"]+)"\s+number="([^"]+)"/g;

/** The exercises a chapter's MDX source holds, in order. */
export function exercisesIn(source: string | undefined): ExerciseEntry[] {
  return [...(source ?? '').matchAll(EXERCISE_TAG)].map(([, id, number]) => ({
    id: id!,
    name: `Exercise ${number}: ${exerciseById(id!).title}`,
  }));
}
