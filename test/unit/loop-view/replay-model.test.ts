import { describe, expect, test } from 'vitest';
import { describeReturned, narrate, narrateStep, ReplayModel } from '../../../src/loop-view/replay-model.ts';
import { isTraceStep, type TraceStep } from '../../../src/loop-view/trace-step.ts';

function step(index: number, task: string, returned: string, queue: string[], extra: Partial<TraceStep> = {}): TraceStep {
  return { index, task, printed: '', returned, queue, parked: [], count: 1, clock: false, file: '', line: 0, start: index, end: index, ...extra };
}

const pingPong = (): TraceStep[] => [
  step(1, 'Ping#1', 'Sleep#1', ['Pong#1', 'Sleep#1'], { printed: 'Start ping\n', parked: [{ task: 'Ping#1', state: 'yielded', by: 'Sleep#1' }] }),
  step(2, 'Pong#1', 'Sleep#2', ['Sleep#1', 'Sleep#2'], {
    printed: 'Start pong\n',
    parked: [
      { task: 'Ping#1', state: 'yielded', by: 'Sleep#1' },
      { task: 'Pong#1', state: 'yielded', by: 'Sleep#2' },
    ],
  }),
  step(3, 'Sleep#1, Sleep#2', 'itself', ['Sleep#2', 'Sleep#1'], { count: 41930, clock: true }),
];

describe('the replay model', () => {
  test('follows a live run to its last step, and stays where the reader stepped back to', () => {
    const model = new ReplayModel();
    model.add(pingPong().slice(0, 2));
    expect(model.current).toBe(1);
    model.previous();
    model.add(pingPong().slice(2));
    expect(model.current).toBe(0);
    model.last();
    expect(model.atEnd).toBe(true);
  });

  test('First, Previous, Next and Last stay within the steps', () => {
    const model = new ReplayModel();
    model.add(pingPong());
    model.first();
    model.previous();
    expect(model.current).toBe(0);
    model.next();
    model.next();
    model.next();
    expect(model.current).toBe(2);
    model.go(1.4);
    expect(model.step?.task).toBe('Pong#1');
  });

  test('a fold that keeps growing replaces its row instead of adding one', () => {
    const model = new ReplayModel();
    model.add(pingPong());
    model.add([{ ...pingPong()[2]!, count: 50000 }]);
    expect(model.steps.map((each) => each.count)).toEqual([1, 1, 50000]);
  });

  test('memory stays bounded, and the dropped steps are counted', () => {
    const model = new ReplayModel(100);
    for (let i = 1; i <= 1000; i += 1) model.add([step(i, `Spawner#${i}`, `Spawner#${i + 1}`, [`Spawner#${i + 1}`])]);
    expect(model.steps.length).toBe(100);
    expect(model.dropped).toBe(900);
    expect(model.steps[0]!.index).toBe(901);
  });

  test('lanes: Ping greyed "yielded" behind its Sleep while Pong runs', () => {
    const model = new ReplayModel();
    model.add(pingPong());
    expect(model.lanes(1)).toEqual([
      { task: 'Ping#1', state: 'yielded', by: 'Sleep#1' },
      { task: 'Pong#1', state: 'yielded', by: 'Sleep#2' },
      { task: 'Sleep#1', state: 'queued', by: '' },
      { task: 'Sleep#2', state: 'queued', by: '' },
    ]);
    expect(model.lanes(0).find((lane) => lane.task === 'Pong#1')?.state).toBe('queued');
    expect(model.lanes(2).filter((lane) => lane.state === 'running').map((lane) => lane.task)).toEqual(['Sleep#1', 'Sleep#2']);
  });

  test('a folded busy wait reads as one row with its count, and the status says where the replay is', () => {
    const model = new ReplayModel();
    model.add(pingPong());
    expect(describeReturned(model.steps[2]!)).toBe('itself: checked the clock 41,930 times');
    expect(describeReturned(model.steps[0]!)).toBe('Sleep#1');
    model.first();
    expect(narrate(model)).toBe('Step 1 of 3: Ping#1 ran, printed "Start ping", returned Sleep#1; queue after: Pong#1, Sleep#1.');
  });

  test("a bare generator's step says it yielded or finished, and its busy wait counts the yields", () => {
    const step = { ...pingPong()[0]!, task: 'worker#1', printed: '', returned: 'yielded', queue: ['worker#2', 'worker#1'] };
    expect(narrateStep(step, 0, 7)).toBe('Step 1 of 7: worker#1 ran, yielded; queue after: worker#2, worker#1.');
    expect(narrateStep({ ...step, returned: 'finished, returned 42', queue: [] }, 6, 7)).toBe('Step 7 of 7: worker#1 ran, finished, returned 42; queue after: empty.');
    expect(describeReturned({ ...step, count: 300, clock: true })).toBe('yielded: checked the clock 300 times');
  });

  test('the validator accepts a step and refuses a malformed one', () => {
    expect(isTraceStep(pingPong()[0])).toBe(true);
    expect(isTraceStep({ ...pingPong()[0], queue: [1] })).toBe(false);
    expect(isTraceStep({ ...pingPong()[0], parked: [{ task: 'x', state: 'sleeping', by: '' }] })).toBe(false);
  });
});
