import { assertNever } from '../lib/assert-never.ts';
import { taskNames, type Lane, type ReplayModel } from './replay-model.ts';
import type { TraceStep } from './trace-step.ts';

/** Where a lane says a task stands, in words (the bars beside it are a picture of the same). */
export function laneState({ state, by }: Lane): string {
  switch (state) {
    case 'running':
      return 'running';
    case 'queued':
      return 'in the queue';
    case 'yielded':
      return by === '' ? 'yielded' : `yielded, ${by} holds it`;
    case 'awaiting':
      return by === '' ? 'awaiting' : `awaiting ${by}`;
    case 'done':
      return 'finished or not started';
    default:
      return assertNever(state, 'lane state');
  }
}

/**
 * Where a step sits on the time axis, 0 to 1. Half by order and half by clock time: by time alone,
 * the turns of the first instant would all sit on one spot; by order alone, a three-second sleep
 * would look as short as a print.
 */
export function axisPosition(steps: readonly TraceStep[], position: number, at: 'start' | 'end' = 'start'): number {
  const step = steps[position];
  if (step === undefined || steps.length === 0) return 0;
  const total = Math.max(steps.at(-1)!.end, 1e-9);
  const order = (position + (at === 'end' ? 1 : 0)) / steps.length;
  return 0.5 * order + 0.5 * ((at === 'end' ? step.end : step.start) / total);
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

/** Boxes chapter 1's picture of the queue (./loop-picture-element.ts) has room for; a longer queue's last box says how many more. */
export const QUEUE_BOXES = 4;

/** The labels of the queue's boxes, front first: at most QUEUE_BOXES, the last one "+N more" when it overflows. */
export function queueBoxes(queue: readonly string[]): string[] {
  const fit = (name: string) => (name.length > 10 ? `${name.slice(0, 9)}…` : name);
  if (queue.length <= QUEUE_BOXES) return queue.map(fit);
  return [...queue.slice(0, QUEUE_BOXES - 1).map(fit), `+${queue.length - QUEUE_BOXES + 1} more`];
}

/** Lanes drawn at most: a runaway loop that makes a task per turn must not make a lane per turn. */
export const MAX_LANES = 12;

/** The lanes worth drawing at the current step: the tasks still in play first, then finished ones, up to MAX_LANES. */
export function visibleLanes(lanes: Lane[]): { shown: Lane[]; hidden: number } {
  const live = lanes.filter((lane) => lane.state !== 'done');
  const done = lanes.filter((lane) => lane.state === 'done');
  const shown = [...live, ...done].slice(0, MAX_LANES);
  const order = new Map(lanes.map((lane, i) => [lane, i]));
  shown.sort((a, b) => order.get(a)! - order.get(b)!);
  return { shown, hidden: lanes.length - shown.length };
}

/** One lane per task: its name, its state at the current step (greyed when parked) and its turns. */
export function renderLanes(host: HTMLElement, replay: ReplayModel): void {
  const steps = replay.steps;
  const { shown, hidden } = visibleLanes(replay.lanes());
  const items = shown.map((lane) => {
    const item = document.createElement('li');
    item.className = 'loop-lane';
    item.dataset['state'] = lane.state;
    const name = document.createElement('span');
    name.className = 'loop-lane-name';
    name.textContent = lane.task;
    const state = document.createElement('span');
    state.className = 'loop-lane-state';
    state.textContent = laneState(lane);
    const track = document.createElement('span');
    track.className = 'loop-lane-track';
    track.setAttribute('aria-hidden', 'true');
    steps.forEach((step, position) => {
      if (!taskNames(step).includes(lane.task)) return;
      const bar = document.createElement('span');
      bar.className = position === replay.current ? 'loop-bar is-current' : 'loop-bar';
      const left = axisPosition(steps, position);
      // Styles set through the CSSOM pass the site's CSP, which forbids inline style attributes.
      bar.style.left = percent(left);
      bar.style.width = percent(Math.max(axisPosition(steps, position, 'end') - left, 0.01));
      track.append(bar);
    });
    const cursor = document.createElement('span');
    cursor.className = 'loop-cursor';
    cursor.style.left = percent(axisPosition(steps, replay.current));
    track.append(cursor);
    item.append(name, ' ', state, track);
    return item;
  });
  if (hidden > 0) {
    const more = document.createElement('li');
    more.className = 'loop-lane-more';
    more.textContent = `and ${hidden.toLocaleString('en-US')} more tasks, finished or not started`;
    items.push(more);
  }
  host.replaceChildren(...items);
}
