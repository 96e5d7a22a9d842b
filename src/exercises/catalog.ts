import type { Rule } from './checks.ts';
import type { Exercise } from './exercise.ts';
import { exerciseFile } from './exercise-files.ts';

export type { Exercise, ExerciseSide } from './exercise.ts';

const piecesPy = exerciseFile('given', 'pieces.py');
const piecesTs = exerciseFile('given', 'pieces.ts');

const PING_PONG = ['Start ping', 'Start pong', 'End pong', 'End ping'];

/** Rules about the four lines of Ping and Pong, worded for a reader who knows the story. */
const pingPongOrder: Rule[] = [
  { kind: 'before', first: 'Start ping', then: 'Start pong', expected: 'Ping to start before Pong, in the order they were pushed' },
  { kind: 'before', first: 'Start pong', then: 'End ping', expected: 'Pong to start while Ping sleeps', instead: 'Ping ended before Pong started' },
  { kind: 'before', first: 'End pong', then: 'End ping', expected: 'Pong to finish before Ping', instead: 'Ping finished first' },
  { kind: 'lines', expected: PING_PONG },
];

const runUntilComplete: Exercise = {
  id: 'run-until-complete',
  title: 'Write run_until_complete',
  values: [],
  limitSeconds: 3,
  tick: 0.0001,
  sides: {
    python: {
      starter: exerciseFile('run-until-complete', 'starter.py'),
      solution: exerciseFile('run-until-complete', 'solution.py'),
      prelude: piecesPy,
      after: '',
      rules: [{ kind: 'no-error' }, ...pingPongOrder],
      hints: [
        'The loop runs while there is work: `while not self._queue.empty():`.',
        'Each turn: `task = self._queue.get()`, then `next_task = task.execute()`.',
        '`execute()` returns what should run next: the task itself, a `Sleep`, a waiter, or `None` when nothing should. Put it back with `self._queue.put(next_task)` unless it is `None`.',
      ],
    },
    typescript: {
      starter: exerciseFile('run-until-complete', 'starter.ts'),
      solution: exerciseFile('run-until-complete', 'solution.ts'),
      prelude: piecesTs,
      after: '',
      rules: [{ kind: 'no-error' }, ...pingPongOrder],
      hints: [
        'The loop runs while there is work: `while (this._queue.length > 0)`.',
        'Each turn: `const task = this._queue.shift()!`, then `const nextTask = task.execute()`.',
        '`execute()` returns what should run next: the task itself, a `Sleep`, a waiter, or `null` when nothing should. Push it back with `this._queue.push(nextTask)` unless it is `null`.',
      ],
    },
  },
};

const thirdTaskRules: Rule[] = [
  { kind: 'no-error' },
  { kind: 'prints', line: 'Start peng' },
  { kind: 'before', first: 'Start pong', then: 'Start peng', expected: 'Peng to start after Pong, in the order they were pushed' },
  { kind: 'before', first: 'End pong', then: 'End peng', expected: 'Peng, with the longer sleep, to finish after Pong' },
  { kind: 'before', first: 'End peng', then: 'End ping', expected: 'Peng to finish before Ping, whose sleep is longest' },
  { kind: 'said-output', name: 'answer' },
];

const thirdTask: Exercise = {
  id: 'third-task',
  title: 'Add a third task and say where its lines fall',
  values: ['answer'],
  limitSeconds: 3,
  tick: 0.0001,
  sides: {
    python: {
      starter: exerciseFile('third-task', 'starter.py'),
      solution: exerciseFile('third-task', 'solution.py'),
      prelude: piecesPy,
      after: '',
      rules: thirdTaskRules,
      hints: [
        '`push_task()` takes any number of tasks: `loop.push_task(Ping(), Pong(), Peng())`.',
        'In its first turn every task prints its `Start` line and yields its sleep, so the three `Start` lines come first, in the order the tasks were pushed.',
        'Then the sleeps end shortest first: Pong (0.1 s), Peng (0.2 s), Ping (0.3 s).',
      ],
    },
    typescript: {
      starter: exerciseFile('third-task', 'starter.ts'),
      solution: exerciseFile('third-task', 'solution.ts'),
      prelude: piecesTs,
      after: '',
      rules: thirdTaskRules,
      hints: [
        '`push_task()` takes any number of tasks: `loop.push_task(new Ping(), new Pong(), new Peng())`.',
        'In its first turn every task prints its `Start` line and yields its sleep, so the three `Start` lines come first, in the order the tasks were pushed.',
        'Then the sleeps end shortest first: Pong (100 ms), Peng (200 ms), Ping (300 ms).',
      ],
    },
  },
};

const tasksWithoutGather: Exercise = {
  id: 'tasks-without-gather',
  title: 'Ping and Pong without gather',
  values: [],
  limitSeconds: 3,
  tick: 0.0001,
  sides: {
    python: {
      starter: exerciseFile('tasks-without-gather', 'starter.py'),
      solution: exerciseFile('tasks-without-gather', 'solution.py'),
      prelude: '',
      after: '',
      rules: [
        { kind: 'source-lacks', pattern: String.raw`\bgather\s*\(`, description: 'no call to asyncio.gather()' },
        { kind: 'no-error' },
        ...pingPongOrder,
      ],
      hints: [
        '`await ping()` runs ping to its end before the next line starts. Something has to start both before you wait for either.',
        '`asyncio.create_task(coro)` wraps a coroutine in a Task and schedules it at once; it starts at the next `await`.',
        'Create both tasks first, then `await` each of them.',
      ],
    },
    typescript: {
      starter: exerciseFile('tasks-without-gather', 'starter.ts'),
      solution: exerciseFile('tasks-without-gather', 'solution.ts'),
      prelude: '',
      after: '',
      rules: [
        {
          kind: 'source-lacks',
          pattern: String.raw`Promise\s*\.\s*(all|allSettled|race|any)\s*\(`,
          description: 'no Promise.all() (nor allSettled, race or any)',
        },
        { kind: 'no-error' },
        ...pingPongOrder,
      ],
      hints: [
        '`await ping()` waits for ping to end before the next line starts. Something has to start both before you wait for either.',
        'Calling an async function starts it at once and gives you its promise; only `await` waits.',
        'Call both and keep their promises (`const pinging = ping();`), then `await` each of them.',
      ],
    },
  },
};

const countClockChecks: Exercise = {
  id: 'count-clock-checks',
  title: 'Count the clock checks of a busy Sleep',
  values: ['checks'],
  limitSeconds: 3,
  tick: 0.0001,
  sides: {
    python: {
      starter: exerciseFile('count-clock-checks', 'starter.py'),
      solution: exerciseFile('count-clock-checks', 'solution.py'),
      prelude: piecesPy,
      after: '',
      rules: [
        { kind: 'no-error' },
        { kind: 'count', label: 'clock checks in a 0.2 second sleep', of: { value: 'checks' }, relation: '>', than: 1000 },
        {
          kind: 'count',
          label: 'clock checks, since the clock was read only that often',
          of: { value: 'checks' },
          relation: '<=',
          than: 'clockReads',
        },
      ],
      hints: [
        '`execute()` runs once per turn of the loop, and each turn of a `Sleep` reads the clock once.',
        'Add one to the class attribute before handing over: `CountedSleep.checks += 1`.',
      ],
    },
    typescript: {
      starter: exerciseFile('count-clock-checks', 'starter.ts'),
      solution: exerciseFile('count-clock-checks', 'solution.ts'),
      prelude: piecesTs,
      after: '',
      rules: [
        { kind: 'no-error' },
        { kind: 'count', label: 'clock checks in a 200 ms sleep', of: { value: 'checks' }, relation: '>', than: 1000 },
        {
          kind: 'count',
          label: 'clock checks, since the clock was read only that often',
          of: { value: 'checks' },
          relation: '<=',
          than: 'clockReads',
        },
      ],
      hints: [
        '`execute()` runs once per turn of the loop, and each turn of a `Sleep` reads the clock once.',
        'Add one to the static field before handing over: `CountedSleep.checks += 1;`.',
      ],
    },
  },
};

const heapRules: Rule[] = [
  { kind: 'no-error' },
  ...pingPongOrder,
  { kind: 'count', label: 'clock checks for two sleeps', of: 'clockReads', relation: '<', than: 20 },
];

const timerHeap: Exercise = {
  id: 'timer-heap',
  title: 'Keep timers in a heap instead of spinning',
  values: [],
  limitSeconds: 3,
  tick: 0.001,
  sides: {
    python: {
      starter: exerciseFile('timer-heap', 'starter.py'),
      solution: exerciseFile('timer-heap', 'solution.py'),
      prelude: piecesPy,
      after: '',
      rules: heapRules,
      hints: [
        'Let `Sleep` stop spinning: it only has to remember its waiter and `n`. The loop does the waiting.',
        'When `execute()` returns a `Sleep`, push `(time.time() + sleep._n, order, sleep._waiter)` on a list with `heapq.heappush`; the `order` (from `itertools.count()`) breaks ties.',
        'When the queue is empty but timers are left, `heapq.heappop` the nearest, `time.sleep()` until its deadline, and put its waiter in the queue. Loop while either has something.',
      ],
    },
    typescript: {
      starter: exerciseFile('timer-heap', 'starter.ts'),
      solution: exerciseFile('timer-heap', 'solution.ts'),
      prelude: piecesTs,
      after: '',
      rules: heapRules,
      hints: [
        'Let `Sleep` stop spinning: it only has to remember its waiter and `_ms`. The loop does the waiting.',
        'When `execute()` returns a `Sleep`, insert `{ deadline: Date.now() + sleep._ms, waiter }` into an array kept sorted by deadline.',
        'When the queue is empty but timers are left, take the first, `await new Promise((resolve) => setTimeout(resolve, delay))`, and push its waiter. Loop while either has something.',
      ],
    },
  },
};

export const EXERCISES: readonly Exercise[] = [runUntilComplete, thirdTask, tasksWithoutGather, countClockChecks, timerHeap];

export function exerciseById(id: string): Exercise {
  const found = EXERCISES.find((exercise) => exercise.id === id);
  if (!found) throw new Error(`No exercise with id ${id}`);
  return found;
}
