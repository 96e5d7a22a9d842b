import { describe, expect, test } from 'vitest';
import { lanesOf, layoutComparison } from '../../../src/loop-view/comparison.ts';
import { keepRun, pageOf, recordedRun } from '../../../src/loop-view/recorded-runs.ts';
import { axisPosition, laneState, MAX_LANES, queueBoxes, visibleLanes } from '../../../src/loop-view/lanes-view.ts';
import { runsLoop } from '../../../src/plugins/runs-loop.ts';
import { storedCells, type StoredStep } from '../../../src/loop-view/stored-trace.ts';
import type { TraceStep } from '../../../src/loop-view/trace-step.ts';

const stored = (task: string, returned: string, queue: string[], start: number, end = start, extra: Partial<StoredStep> = {}): StoredStep => ({
  task,
  printed: '',
  returned,
  queue,
  start,
  end,
  ...extra,
});

describe('which cells offer the loop view', () => {
  test.each([
    ['loop = EventLoop()\nloop.run_until_complete()', true],
    ['loop.run_forever()  # never returns', true],
    ['results = await asyncio.gather(ping(), pong())', true],
    ['asyncio.run(main())', true],
    ['async with asyncio.TaskGroup() as group:\n    group.create_task(ping())', true],
    ['while queue:\n    gen = queue.popleft()\n    next(gen)', true],
    ['class EventLoop:\n    def run_until_complete(self):\n        pass', false],
    ['print(next(gen))', false],
    ['print(1)', false],
  ])('%j: %s', (code, expected) => expect(runsLoop(code)).toBe(expected));
});

describe('the view’s words', () => {
  test('a parked task says how it waits and who holds it', () => {
    expect(laneState({ task: 'Ping#1', state: 'yielded', by: 'Sleep#1' })).toBe('yielded, Sleep#1 holds it');
    expect(laneState({ task: 'ping#1', state: 'awaiting', by: 'sleep(3)' })).toBe('awaiting sleep(3)');
    expect(laneState({ task: 'Pong#1', state: 'queued', by: '' })).toBe('in the queue');
  });

  test("a stored step reads as the view's row, with the machine's count of clock checks left out", () => {
    expect(storedCells(stored('Sleep#1, Sleep#2', 'itself', ['Sleep#2', 'Sleep#1'], 0, 2000, { clock: 'many' }), 2)).toEqual([
      '3',
      'Sleep#1, Sleep#2',
      '',
      'itself: checked the clock many times',
      'Sleep#2, Sleep#1',
    ]);
    expect(storedCells(stored('Ping#1', 'None', [], 3000, 3000, { printed: 'End ping\n' }), 8)).toEqual(['9', 'Ping#1', 'End ping', 'None', 'empty']);
  });
});

describe("chapter 1's picture", () => {
  test('draws the queue front first, four boxes at most, long names cut', () => {
    expect(queueBoxes(['worker#2', 'worker#1'])).toEqual(['worker#2', 'worker#1']);
    expect(queueBoxes(['a', 'b', 'c', 'd', 'e', 'f'])).toEqual(['a', 'b', 'c', '+3 more']);
    expect(queueBoxes(['a_very_long_name#1'])).toEqual(['a_very_lo…']);
  });
});

describe('the time axis', () => {
  const step = (start: number, end: number) => ({ start, end }) as TraceStep;
  test('half by order, half by time: quick turns do not pile up, a long wait stays long', () => {
    const steps = [step(0, 0), step(0, 0), step(0, 2000), step(2000, 2000)];
    const positions = steps.map((_, i) => axisPosition(steps, i));
    expect(positions).toEqual([0, 0.125, 0.25, 0.875]);
    expect(axisPosition(steps, 2, 'end')).toBe(0.875);
  });
});

describe('the side by side lanes', () => {
  test('a generator task yields between its turns; an asyncio task awaits', () => {
    const generator = lanesOf([
      stored('Ping#1', 'Sleep#1', ['Sleep#1'], 0),
      stored('Sleep#1', 'itself', ['Sleep#1'], 0, 3000, { clock: 'many' }),
      stored('Sleep#1', 'Ping#1', ['Ping#1'], 3000),
      stored('Ping#1', 'None', [], 3000),
    ]);
    expect(generator.map(({ task }) => task)).toEqual(['Ping#1', 'Sleep#1']);
    expect(generator[0]!.stretches).toEqual([
      { kind: 'ran', start: 0, end: 0, label: 'Sleep#1' },
      { kind: 'waited', start: 0, end: 3000, label: 'yielded' },
      { kind: 'ran', start: 3000, end: 3000, label: 'None' },
    ]);
    const asyncio = lanesOf([stored('ping#1', 'awaits sleep(3)', [], 0), stored('ping#1', 'finished', [], 3000)]);
    expect(asyncio[0]!.stretches[1]).toEqual({ kind: 'waited', start: 0, end: 3000, label: 'awaits sleep(3)' });
  });
});

describe('the side by side, laid out', () => {
  const generator = [stored('Ping#1', 'Sleep#1', ['Sleep#1'], 0, 0, { printed: 'Start ping\n' }), stored('Ping#1', 'None', [], 3000, 3000, { printed: 'End ping\n' })];
  test("a live run's prints meet the stored run's at the same quarter second", () => {
    const live = [stored('ping#1', 'awaits sleep(3)', [], 1.4, 1.4, { printed: 'Start ping\n' }), stored('ping#1', 'finished', [], 3084.2, 3084.2, { printed: 'End ping\n' })];
    const layout = layoutComparison([
      { title: 'Generator loop', steps: generator },
      { title: 'asyncio', steps: live },
    ]);
    expect(layout.titles.map((title) => title.text)).toEqual(['Generator loop', 'asyncio']);
    expect(layout.lanes.map((lane) => lane.task)).toEqual(['Ping#1', 'ping#1']);
    expect(layout.moments).toEqual([
      { time: '0 s', printed: ['Start ping', 'Start ping'] },
      { time: '3 s', printed: ['End ping', 'End ping'] },
    ]);
    expect(layout.ticks.map((tick) => tick.label)).toEqual(['0 s', '1 s', '2 s', '3 s']);
  });

  test("the reader's runs are kept for the tab, and only well-formed ones come back", () => {
    const entries = new Map<string, string>();
    const storage = { getItem: (key: string) => entries.get(key) ?? null, setItem: (key: string, value: string) => void entries.set(key, value), removeItem: (key: string) => void entries.delete(key) } as Storage;
    expect(pageOf('/event-loop-notebook/sleep-ping-pong/')).toBe('sleep-ping-pong');
    const step: TraceStep = { index: 1, task: 'Sleep#1', printed: '', returned: 'itself', queue: ['Sleep#1'], parked: [], count: 41930, clock: true, file: '', line: 0, start: 0, end: 2000 };
    keepRun('sleep-ping-pong/run-ping-pong', [step], storage);
    expect(recordedRun('sleep-ping-pong/run-ping-pong', storage)).toEqual([{ task: 'Sleep#1', printed: '', returned: 'itself', queue: ['Sleep#1'], start: 0, end: 2000, clock: 'many' }]);
    entries.set([...entries.keys()][0]!, '[{"task": 1}]');
    expect(recordedRun('sleep-ping-pong/run-ping-pong', storage)).toBeUndefined();
    keepRun('sleep-ping-pong/run-ping-pong', [], storage);
    expect(entries.size).toBe(0);
  });
});

describe('the lanes of a runaway loop', () => {
  test('at most MAX_LANES are drawn, the tasks still in play first, in their order', () => {
    const lanes = Array.from({ length: 40 }, (_, i) => ({ task: `Spawner#${i + 1}`, state: i >= 38 ? ('queued' as const) : ('done' as const), by: '' }));
    const { shown, hidden } = visibleLanes(lanes);
    expect(shown).toHaveLength(MAX_LANES);
    expect(hidden).toBe(40 - MAX_LANES);
    expect(shown.slice(0, 10).map(({ task }) => task)).toEqual(Array.from({ length: 10 }, (_, i) => `Spawner#${i + 1}`));
    expect(shown.slice(-2).map(({ task }) => task)).toEqual(['Spawner#39', 'Spawner#40']);
  });
});
