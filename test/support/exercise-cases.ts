import { EXERCISES, exerciseById, type Exercise } from '../../src/exercises/catalog.ts';
import type { Language } from '../../src/lib/languages.ts';

/** One submission to an exercise and what its check must say. */
export interface ExerciseCase {
  exercise: Exercise;
  language: Language;
  name: string;
  code: string;
  solved: boolean;
  /** A piece of the summary the reader must read. */
  says: string;
}

function edit(code: string, from: string, to: string): string {
  if (!code.includes(from)) throw new Error(`The case's edit does not apply: ${from}`);
  return code.replace(from, to);
}

const side = (id: string, language: Language) => exerciseById(id).sides[language];

/** Plausible wrong answers, each with the message meant for it. */
const WRONG: { id: string; language: Language; name: string; code: () => string; says: string }[] = [
  // Write run_until_complete
  ...(['python', 'typescript'] as const).flatMap((language) => {
    const solution = side('run-until-complete', language).solution;
    const py = language === 'python';
    return [
      {
        id: 'run-until-complete',
        language,
        name: 'never puts a task back',
        code: () =>
          py
            ? edit(solution, '            if next_task is not None:\n                self._queue.put(next_task)\n', '')
            : edit(solution, '      if (nextTask !== null) {\n        this._queue.push(nextTask);\n      }\n', ''),
        says: 'expected Pong to start while Ping sleeps; “End ping” was never printed',
      },
      {
        id: 'run-until-complete',
        language,
        name: 'takes the newest task first',
        code: () => (py ? edit(solution, 'queue.Queue()', 'queue.LifoQueue()') : edit(solution, 'this._queue.shift()!', 'this._queue.pop()!')),
        says: 'expected Ping to start before Pong, in the order they were pushed; “Start pong” came first',
      },
      {
        id: 'run-until-complete',
        language,
        name: 'puts back None as well',
        code: () =>
          py
            ? edit(solution, '            if next_task is not None:\n                self._queue.put(next_task)', '            self._queue.put(next_task)')
            : edit(solution, '      if (nextTask !== null) {\n        this._queue.push(nextTask);\n      }', '      this._queue.push(nextTask!);'),
        says: py ? "it raised AttributeError: 'NoneType' object has no attribute 'execute'" : 'it raised TypeError: Cannot read properties of null',
      },
    ];
  }),
  // A third task
  ...(['python', 'typescript'] as const).flatMap((language) => {
    const solution = side('third-task', language).solution;
    const py = language === 'python';
    return [
      {
        id: 'third-task',
        language,
        name: 'says Peng ends last',
        code: () => edit(solution, "'End peng', 'End ping']", "'End ping', 'End peng']"),
        says: 'expected `answer` to match the output; at line 5 the program printed “End peng”, and yours says “End ping”',
      },
      {
        id: 'third-task',
        language,
        name: 'pushes Peng first',
        code: () => (py ? edit(solution, 'Ping(), Pong(), Peng()', 'Peng(), Ping(), Pong()') : edit(solution, 'new Ping(), new Pong(), new Peng()', 'new Peng(), new Ping(), new Pong()')),
        says: 'expected Peng to start after Pong, in the order they were pushed; “Start peng” came first',
      },
    ];
  }),
  // Ping and Pong without gather
  {
    id: 'tasks-without-gather',
    language: 'python',
    name: 'uses gather',
    code: () => edit(side('tasks-without-gather', 'python').starter, 'await ping()\nawait pong()', 'await asyncio.gather(ping(), pong())'),
    says: 'expected no call to asyncio.gather(); your code has one',
  },
  {
    id: 'tasks-without-gather',
    language: 'python',
    name: 'awaits each task as soon as it is created',
    code: () => edit(side('tasks-without-gather', 'python').starter, 'await ping()\nawait pong()', 'await asyncio.create_task(ping())\nawait asyncio.create_task(pong())'),
    says: 'expected Pong to start while Ping sleeps; Ping ended before Pong started',
  },
  {
    id: 'tasks-without-gather',
    language: 'typescript',
    name: 'uses Promise.all',
    code: () => edit(side('tasks-without-gather', 'typescript').starter, 'await ping();\nawait pong();', 'await Promise.all([ping(), pong()]);'),
    says: 'expected no Promise.all() (nor allSettled, race or any); your code has one',
  },
  {
    id: 'tasks-without-gather',
    language: 'typescript',
    name: 'awaits ping before starting pong',
    code: () => edit(side('tasks-without-gather', 'typescript').starter, 'await ping();\nawait pong();', 'const pinging = ping();\nawait pinging;\nawait pong();'),
    says: 'expected Pong to start while Ping sleeps; Ping ended before Pong started',
  },
  // Count the clock checks
  ...(['python', 'typescript'] as const).flatMap((language) => {
    const solution = side('count-clock-checks', language).solution;
    const py = language === 'python';
    return [
      {
        id: 'count-clock-checks',
        language,
        name: 'writes down a big number',
        code: () => (py ? `${solution}checks = 5000\n` : edit(solution, 'const checks = CountedSleep.checks;', 'const checks = 5000;')),
        says: 'clock checks, since the clock was read only that often; there were 5,000',
      },
      {
        id: 'count-clock-checks',
        language,
        name: 'sets the count instead of adding to it',
        code: () => (py ? edit(solution, 'CountedSleep.checks += 1', 'CountedSleep.checks = 1') : edit(solution, 'CountedSleep.checks += 1;', 'CountedSleep.checks = 1;')),
        says: 'expected more than 1,000 clock checks in a',
      },
    ];
  }),
  // Timers in a heap
  {
    id: 'timer-heap',
    language: 'python',
    name: 'keeps timers first come, first served',
    code: () =>
      edit(
        edit(side('timer-heap', 'python').solution, 'heapq.heappop(self._timers)', 'self._timers.pop(0)'),
        'heapq.heappush(self._timers, ',
        'self._timers.append(',
      ),
    says: 'expected Pong to finish before Ping; Ping finished first',
  },
  {
    id: 'timer-heap',
    language: 'typescript',
    name: 'keeps timers first come, first served',
    code: () =>
      edit(
        side('timer-heap', 'typescript').solution,
        '        const at = this._timers.findIndex((timer) => timer.deadline > deadline);\n        this._timers.splice(at === -1 ? this._timers.length : at, 0, { deadline, waiter: nextTask._waiter });',
        '        this._timers.push({ deadline, waiter: nextTask._waiter });',
      ),
    says: 'expected Pong to finish before Ping; Ping finished first',
  },
];

/** What the starter code of each exercise must be told first. */
const STARTER_SAYS: Record<string, string> = {
  'run-until-complete': 'expected Ping to start before Pong, in the order they were pushed; “Start ping” was never printed',
  'third-task': 'expected “Start peng” to be printed; it printed “Start ping”, “Start pong”, “End pong”, “End ping”',
  'tasks-without-gather': 'expected Pong to start while Ping sleeps; Ping ended before Pong started',
  'count-clock-checks': 'expected more than 1,000 clock checks in a',
  'timer-heap': 'expected fewer than 20 clock checks for two sleeps; there were',
};

const ENDLESS: Record<Language, string> = {
  python: 'import asyncio\n\nwhile True:\n    await asyncio.sleep(1)\n',
  typescript: 'while (true) {\n  await new Promise((resolve) => setTimeout(resolve, 1000));\n}\n',
};

export const TIMED_OUT = 'so it was stopped';

/** Every case for `language`: each solution, each starter, the wrong answers, an endless loop. */
export function exerciseCases(language: Language): ExerciseCase[] {
  return [
    ...EXERCISES.flatMap((exercise) => [
      { exercise, language, name: 'solution', code: exercise.sides[language].solution, solved: true, says: 'Solved: every check passed.' },
      { exercise, language, name: 'starter', code: exercise.sides[language].starter, solved: false, says: STARTER_SAYS[exercise.id]! },
    ]),
    ...WRONG.filter((wrong) => wrong.language === language).map((wrong) => ({
      exercise: exerciseById(wrong.id),
      language,
      name: wrong.name,
      code: wrong.code(),
      solved: false,
      says: wrong.says,
    })),
    { exercise: exerciseById('tasks-without-gather'), language, name: 'an endless loop', code: ENDLESS[language], solved: false, says: TIMED_OUT },
  ];
}
