/** What the browser remembers of one exercise. */
export interface ExerciseProgress {
  solved: boolean;
  /** Checks the reader ran. */
  attempts: number;
}

const PREFIX = 'event-loop-notebook:exercise:v1';
const EVENT = 'exercise-progress';
const NONE: ExerciseProgress = { solved: false, attempts: 0 };

function isProgress(value: unknown): value is ExerciseProgress {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ExerciseProgress).solved === 'boolean' &&
    typeof (value as ExerciseProgress).attempts === 'number'
  );
}

export interface ProgressStore {
  load(id: string): ExerciseProgress;
  /** Counts a check; once solved, an exercise stays solved. Returns false when it could not be kept. */
  record(id: string, solved: boolean): boolean;
}

/** Progress per exercise, in `storage` (`undefined` where the browser has none: nothing is kept). */
export function createProgressStore(storage: Storage | undefined): ProgressStore {
  const load = (id: string): ExerciseProgress => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(`${PREFIX}:${id}`) ?? 'null');
      return isProgress(parsed) ? parsed : NONE;
    } catch {
      return NONE; // a corrupt entry counts as no progress
    }
  };
  return {
    load,
    record(id, solved) {
      const before = load(id);
      const after: ExerciseProgress = { solved: before.solved || solved, attempts: before.attempts + 1 };
      try {
        storage?.setItem(`${PREFIX}:${id}`, JSON.stringify(after));
      } catch {
        return false; // full or refused: the page still shows this visit's result
      } finally {
        if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(EVENT, { detail: id }));
      }
      return storage !== undefined;
    },
  };
}

/** How a list of exercises stands, in the words the table of contents and the home page use. */
export function progressText(progress: readonly ExerciseProgress[]): string {
  if (progress.length === 1) {
    const [one] = progress;
    return one!.solved ? 'solved' : one!.attempts > 0 ? 'tried' : 'not started';
  }
  const solved = progress.filter((item) => item.solved).length;
  return `${solved} of ${progress.length} exercises solved`;
}

export function onProgress(listener: () => void): void {
  window.addEventListener(EVENT, listener);
  // Another tab solved one: storage events carry it here.
  window.addEventListener('storage', (event) => {
    if (event.key?.startsWith(PREFIX)) listener();
  });
}
