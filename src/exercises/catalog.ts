import type { Language } from '../notebook/language.ts';
import type { Rule } from './checks.ts';
import piecesPy from '../../content/exercises/given/pieces.py?raw';
import piecesTs from '../../content/exercises/given/pieces.ts?raw';
import runStarterPy from '../../content/exercises/run-until-complete/starter.py?raw';
import runSolutionPy from '../../content/exercises/run-until-complete/solution.py?raw';
import runStarterTs from '../../content/exercises/run-until-complete/starter.ts?raw';
import runSolutionTs from '../../content/exercises/run-until-complete/solution.ts?raw';
import tasksStarterPy from '../../content/exercises/tasks-without-gather/starter.py?raw';
import tasksSolutionPy from '../../content/exercises/tasks-without-gather/solution.py?raw';
import tasksStarterTs from '../../content/exercises/tasks-without-gather/starter.ts?raw';
import tasksSolutionTs from '../../content/exercises/tasks-without-gather/solution.ts?raw';
import countStarterPy from '../../content/exercises/count-clock-checks/starter.py?raw';
import countSolutionPy from '../../content/exercises/count-clock-checks/solution.py?raw';
import countStarterTs from '../../content/exercises/count-clock-checks/starter.ts?raw';
import countSolutionTs from '../../content/exercises/count-clock-checks/solution.ts?raw';
import thirdStarterPy from '../../content/exercises/third-task/starter.py?raw';
import thirdSolutionPy from '../../content/exercises/third-task/solution.py?raw';
import thirdStarterTs from '../../content/exercises/third-task/starter.ts?raw';
import thirdSolutionTs from '../../content/exercises/third-task/solution.ts?raw';
import heapStarterPy from '../../content/exercises/timer-heap/starter.py?raw';
import heapSolutionPy from '../../content/exercises/timer-heap/solution.py?raw';
import heapStarterTs from '../../content/exercises/timer-heap/starter.ts?raw';
import heapSolutionTs from '../../content/exercises/timer-heap/solution.ts?raw';

/** One language's side of an exercise. */
export interface ExerciseSide {
  starter: string;
  solution: string;
  /** Given code the check runs first in its fresh namespace: what the chapter's earlier cells define. */
  prelude: string;
  /** Code the check runs after the reader's. */
  after: string;
  rules: Rule[];
  /** Shown one at a time; `code` in backticks. */
  hints: string[];
}

export interface Exercise {
  /** Stable: keys the reader's progress and the exercise cell's saved edits. */
  id: string;
  title: string;
  /** Names the check reads from the reader's namespace afterwards. */
  values: string[];
  /** A check that runs longer is stopped and the reader told so. */
  limitSeconds: number;
  /** Seconds the virtual clock advances per read. */
  tick: number;
  sides: Record<Language, ExerciseSide>;
}

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
      starter: runStarterPy,
      solution: runSolutionPy,
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
      starter: runStarterTs,
      solution: runSolutionTs,
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
      starter: thirdStarterPy,
      solution: thirdSolutionPy,
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
      starter: thirdStarterTs,
      solution: thirdSolutionTs,
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
      starter: tasksStarterPy,
      solution: tasksSolutionPy,
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
      starter: tasksStarterTs,
      solution: tasksSolutionTs,
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
      starter: countStarterPy,
      solution: countSolutionPy,
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
      starter: countStarterTs,
      solution: countSolutionTs,
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
      starter: heapStarterPy,
      solution: heapSolutionPy,
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
      starter: heapStarterTs,
      solution: heapSolutionTs,
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
