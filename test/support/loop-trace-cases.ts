import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredTrace } from '../../src/loop-view/stored-trace.ts';
import type { TraceStep } from '../../src/loop-view/trace-step.ts';
import { readChapters } from './chapters.ts';

const storedTraces = Object.fromEntries(
  ['01-what-is-an-event-loop', '04-sleep-ping-pong', '05-async-await'].map((id) => [id, JSON.parse(readFileSync(join(import.meta.dirname, `../../content/traces/${id}.json`), 'utf8')) as StoredTrace]),
);

/** What a reader checks in a row of the loop view: who ran, what it printed and returned, the queue after. */
export type StepSummary = [task: string, printed: string, returned: string, queue: string[]];

export const summarize = (steps: Pick<TraceStep, 'task' | 'printed' | 'returned' | 'queue'>[]): StepSummary[] =>
  steps.map((step) => [step.task, step.printed, step.returned, step.queue]);

const chapters = readChapters();
export const chapter = (id: string) => chapters.find((each) => each.id === id)!;

/** Chapter 1: two bare generators taking turns in a deque, as stored (the chapter's picture follows it). */
export const TAKE_TURNS_STORED = (storedTraces['01-what-is-an-event-loop'] as StoredTrace)['take-turns']!;
export const TAKE_TURNS: StepSummary[] = summarize(TAKE_TURNS_STORED);

/** A reader's edit of chapter 1's loop: a list for a queue, a third generator, values yielded, one returned. */
export const COUNTDOWNS = `def countdown(n):
    while n:
        print('at', n)
        n -= 1
        yield n
    return 'done'

tasks = [countdown(2), countdown(1), countdown(1)]
while tasks:
    task = tasks.pop(0)
    try:
        next(task)
    except StopIteration:
        continue
    tasks.append(task)
`;

export const COUNTDOWNS_TS = `function* countdown(n: number): Generator<number, string, undefined> {
  while (n) {
    console.log('at', n);
    n -= 1;
    yield n;
  }
  return 'done';
}

const tasks = [countdown(2), countdown(1), countdown(1)];
while (tasks.length > 0) {
  const task = tasks.shift()!;
  if (task.next().done) continue;
  tasks.push(task);
}
`;

export const COUNTDOWN_STEPS = (done: string): StepSummary[] => [
  ['countdown#1', 'at 2\n', 'yielded 1', ['countdown#2', 'countdown#3', 'countdown#1']],
  ['countdown#2', 'at 1\n', 'yielded 0', ['countdown#3', 'countdown#1', 'countdown#2']],
  ['countdown#3', 'at 1\n', 'yielded 0', ['countdown#1', 'countdown#2', 'countdown#3']],
  ['countdown#1', 'at 1\n', 'yielded 0', ['countdown#2', 'countdown#3', 'countdown#1']],
  ['countdown#2', '', `finished, returned ${done}`, ['countdown#3', 'countdown#1']],
  ['countdown#3', '', `finished, returned ${done}`, ['countdown#1']],
  ['countdown#1', '', `finished, returned ${done}`, []],
];

/** A cell that starts a task and ends without awaiting it: the task prints after the cell's last line. */
export const LEFT_RUNNING = `import asyncio

async def later():
    print('before the sleep')
    await asyncio.sleep(0.2)
    print('after the last line')

task = asyncio.create_task(later())
print('last line')
`;

export const LEFT_RUNNING_STEPS = (cell: string): StepSummary[] => [
  [cell, 'last line\n', 'finished', ['later#1']],
  ['later#1', 'before the sleep\n', 'awaits sleep(0.2)', []],
  ['later#1', 'after the last line\n', 'finished', []],
];

/** Chapter 4: the turns of Ping and Pong, busy waits folded: the chapter's stored trace, which its table shows. */
const PING_PONG_STORED = (storedTraces['04-sleep-ping-pong'] as StoredTrace)['run-ping-pong']!;
export const PING_PONG: StepSummary[] = PING_PONG_STORED.map((step) => [
  step.task,
  step.printed,
  step.returned,
  step.queue,
]);

/**
 * How the stored trace marks busy waits, against a real run: "many" is thousands of clock checks
 * in one row, "once" one check, and every other row one turn that did not fold.
 */
export const foldsOf = (steps: TraceStep[]) =>
  steps.map((step) => (step.clock ? (step.count > 1000 ? 'many' : step.count === 1 ? 'once' : `${step.count}`) : step.count === 1 ? '' : `${step.count}`));
export const PING_PONG_FOLDS = PING_PONG_STORED.map((step) => step.clock ?? '');

/** Chapter 5's gather as stored (run as cell 3 of its chapter, so its main task is `Cell 3`). */
export const GATHER_STORED = (storedTraces['05-async-await'] as StoredTrace)['gather']!;

/**
 * The stored times (the side by side draws them) against a real run's: each step within a quarter
 * second, since what the picture shows is the 2 and 3 second sleeps, not the machine's microseconds.
 */
export const timesOf = (steps: { start: number; end: number }[]) =>
  steps.map(({ start, end }) => [Math.round(start / 250) * 250, Math.round(end / 250) * 250]);
export const PING_PONG_TIMES = timesOf(PING_PONG_STORED);
export const GATHER_TIMES = timesOf(GATHER_STORED);

/** Chapter 5: `await asyncio.gather(ping(), pong())` run as cell `filename`: the stored trace, renamed. */
export const gatherSteps = (filename: string): StepSummary[] =>
  GATHER_STORED.map((step) => [
    step.task === 'Cell 3' ? filename : step.task,
    step.printed,
    step.returned,
    step.queue,
  ]);

/** A reader's own loop: other names, a deque, a method called `step`, and three tasks. */
export const RENAMED_LOOP = `from collections import deque

class Job:
    def __init__(self, word, waiter=None):
        self.word = word
        self._gen = iter(self)
        self._waiter = waiter

    def __iter__(self):
        print(self.word, 'one')
        yield self
        print(self.word, 'two')

    def step(self):
        try:
            return next(self._gen)
        except StopIteration:
            return self._waiter

class Scheduler:
    def __init__(self):
        self._jobs = deque()

    def run(self, *jobs):
        self._jobs.extend(jobs)
        while self._jobs:
            job = self._jobs.popleft()
            after = job.step()
            if after is not None:
                self._jobs.append(after)

Scheduler().run(Job('a'), Job('b'), Job('c'))
`;

export const RENAMED_STEPS: StepSummary[] = [
  ['Job#1', 'a one\n', 'itself', ['Job#2', 'Job#3', 'Job#1']],
  ['Job#2', 'b one\n', 'itself', ['Job#3', 'Job#1', 'Job#2']],
  ['Job#3', 'c one\n', 'itself', ['Job#1', 'Job#2', 'Job#3']],
  ['Job#1', 'a two\n', 'None', ['Job#2', 'Job#3']],
  ['Job#2', 'b two\n', 'None', ['Job#3']],
  ['Job#3', 'c two\n', 'None', []],
];

/** run_forever() with a task that hands the loop a new task on every turn, stopped after 5,000 turns. */
export const RUNAWAY = `class Spawner(Task):
    made = 0

    def execute(self):
        Spawner.made += 1
        if Spawner.made > 5000:
            raise KeyboardInterrupt('enough')
        return Spawner()

loop = EventLoop()
loop.push_task(Spawner())
loop.run_forever()
`;

/** The TypeScript twin's trace of Ping and Pong: the same turns; a finished task returns `null`. */
export const PING_PONG_TS: StepSummary[] = PING_PONG.map(([task, printed, returned, queue]) => [
  task,
  printed,
  returned === 'None' ? 'null' : returned,
  queue,
]);

/** RENAMED_LOOP in TypeScript: other names, a method called `step`, three tasks. */
export const RENAMED_LOOP_TS = `class Job {
  private readonly gen: Generator<Job, void, undefined>;
  constructor(readonly word: string, readonly waiter: Job | null = null) {
    this.gen = this.body();
  }
  *body(): Generator<Job, void, undefined> {
    console.log(this.word, 'one');
    yield this;
    console.log(this.word, 'two');
  }
  step(): Job | null {
    const next = this.gen.next();
    return next.done ? this.waiter : next.value;
  }
}

class Scheduler {
  private readonly jobs: Job[] = [];
  run(...jobs: Job[]): void {
    this.jobs.push(...jobs);
    while (this.jobs.length > 0) {
      const after = this.jobs.shift()!.step();
      if (after !== null) this.jobs.push(after);
    }
  }
}

new Scheduler().run(new Job('a'), new Job('b'), new Job('c'));
`;

export const RENAMED_STEPS_TS: StepSummary[] = RENAMED_STEPS.map(([task, printed, returned, queue]) => [
  task,
  printed,
  returned === 'None' ? 'null' : returned,
  queue,
]);

/** Chapter 5's gather in TypeScript (`await Promise.all([ping(), pong()])`, cell 3): each async call parks on its timer. */
export const GATHER_TS: StepSummary[] = [
  ['ping#1', 'Start ping\n', 'awaits setTimeout(3000 ms)', []],
  ['pong#1', 'Start pong\n', 'awaits setTimeout(2000 ms)', []],
  ['pong#1', 'End pong\n', 'finished', []],
  ['ping#1', 'End ping\n', 'finished', []],
  ['Cell 3', '', 'finished', []],
];
