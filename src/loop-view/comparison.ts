import type { StoredStep } from './stored-trace.ts';

/** A stretch of one task's lane: it ran (a turn, or a busy wait's many) or it waited, and how. */
export interface Stretch {
  kind: 'ran' | 'waited';
  start: number;
  end: number;
  /** For a wait: "yielded", "in the queue" or what it awaits ("awaits sleep(3)"). */
  label: string;
}

export interface ComparedLane {
  task: string;
  stretches: Stretch[];
}

/**
 * One lane per task of a recorded run, on its time axis: when the task ran and, between two of
 * its turns, how it waited. Drawn for the side by side of the generator loop and asyncio, where the
 * point to see is that both wait the same 3 seconds, but only one of them spins while it waits.
 */
export function lanesOf(steps: readonly StoredStep[]): ComparedLane[] {
  const lanes = new Map<string, Stretch[]>();
  steps.forEach((step, position) => {
    for (const task of step.task.split(', ')) {
      const stretches = lanes.get(task) ?? [];
      lanes.set(task, stretches);
      const previous = stretches.at(-1);
      if (previous?.kind === 'waited') previous.end = step.start;
      stretches.push({ kind: 'ran', start: step.start, end: step.end, label: step.returned });
      const later = steps.slice(position + 1).some((next) => next.task.split(', ').includes(task));
      if (!later) continue;
      const label = step.returned.startsWith('awaits ') ? step.returned : step.queue.includes(task) ? 'in the queue' : 'yielded';
      stretches.push({ kind: 'waited', start: step.end, end: step.end, label });
    }
  });
  return [...lanes].map(([task, stretches]) => ({ task, stretches }));
}

/** Where `ms` sits on an axis of `total` milliseconds, in percent (for the CSSOM, never a style attribute). */
export const axisPercent = (ms: number, total: number): number => (total <= 0 ? 0 : Math.min(100, Math.max(0, (ms / total) * 100)));
