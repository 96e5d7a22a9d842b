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

/** One run in the side by side: its title and its steps (stored, or the reader's own run). */
export interface ComparedGroup {
  title: string;
  steps: readonly StoredStep[];
}

export interface ComparedLaneLayout {
  task: string;
  y: number;
  bars: { x: number; width: number }[];
  /** A wait's line; its label only where there is room for it. */
  waits: { x1: number; x2: number; label: string | undefined }[];
}

/** Everything the side by side draws, in SVG units, and its table of what printed when. */
export interface ComparisonLayout {
  width: number;
  height: number;
  /** One per second: a line from y1 to y2 and its label at textY. */
  ticks: { x: number; label: string; y1: number; y2: number; textY: number }[];
  titles: { text: string; y: number }[];
  lanes: ComparedLaneLayout[];
  /** Each moment something printed, and what each run printed then ('—' for nothing). */
  moments: { time: string; printed: string[] }[];
}

const LABEL = 120;
const TRACK = 460;
const ROW = 22;
/** A live run's clock is the machine's: to a quarter second, both runs' prints of one moment meet. */
const moment = (ms: number) => Math.round(ms / 250) * 250;

/**
 * Lays out the runs on one time axis: a title row per run, then one lane per task. Drawn at build
 * time (components/LoopComparison.astro) and again on the page once the reader has recorded runs of
 * their own (./loop-comparison-element.ts).
 */
export function layoutComparison(groups: readonly ComparedGroup[]): ComparisonLayout {
  const total = Math.max(1, ...groups.flatMap(({ steps }) => steps.map((step) => step.end)));
  const x = (ms: number) => LABEL + (axisPercent(ms, total) / 100) * TRACK;
  let y = 0;
  const titles: ComparisonLayout['titles'] = [];
  const lanes: ComparedLaneLayout[] = [];
  for (const { title, steps } of groups) {
    titles.push({ text: title, y: (y += ROW) });
    for (const { task, stretches } of lanesOf(steps)) {
      const lane: ComparedLaneLayout = { task, y: (y += ROW), bars: [], waits: [] };
      for (const stretch of stretches) {
        const [x1, x2] = [x(stretch.start), x(stretch.end)];
        if (stretch.kind === 'ran') lane.bars.push({ x: x1, width: Math.max(4, x2 - x1) });
        else lane.waits.push({ x1, x2, label: x2 - x1 > 60 ? stretch.label : undefined });
      }
      lanes.push(lane);
    }
  }
  const height = y + ROW * 1.5;
  const ticks = Array.from({ length: Math.floor(total / 1000) + 1 }, (_, second) => ({
    x: x(second * 1000),
    label: `${second} s`,
    y1: ROW * 0.5,
    y2: height - ROW,
    textY: height - ROW * 0.3,
  }));
  const printing = (steps: readonly StoredStep[]) => steps.filter((step) => step.printed !== '');
  const times = [...new Set(groups.flatMap(({ steps }) => printing(steps).map((step) => moment(step.start))))].sort((a, b) => a - b);
  const moments = times.map((ms) => ({
    time: `${ms / 1000} s`,
    printed: groups.map(({ steps }) => printing(steps).filter((step) => moment(step.start) === ms).map((step) => step.printed.trim()).join(', ') || '—'),
  }));
  return { width: LABEL + TRACK + 10, height, ticks, titles, lanes, moments };
}
