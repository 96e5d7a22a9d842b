import { afterAll, describe, expect, test } from 'vitest';
import type { Output } from '../../src/kernel/protocol.ts';
import { createTypeScriptSession } from '../../src/kernel/typescript/typescript-session.ts';
import { normalizeOutputText } from '../../src/output/text.ts';
import { describeRun, kernelView, readCorpus, runInSession, runReference } from '../support/corpus.ts';

const snippets = readCorpus('typescript');

/**
 * Snippets that fail today, and why. Each runs as `test.fails`, so the fix turns it red until its
 * entry here is removed: nothing is skipped quietly.
 */
/** Snippets the kernel does not yet print as node does, with the reason; none today. */
const KNOWN_FAILURES: Record<string, string> = {};

// Vitest's own listeners turn an unhandled rejection into a failed run. They are taken now and set
// aside while a snippet runs; what the snippet leaves unhandled goes to the session instead, as the
// page's worker sends its `unhandledrejection` and `error` events.
const PROCESS_EVENTS = ['unhandledRejection', 'uncaughtException'];
// As a plain emitter, so one loop handles both events' listener types.
const emitter: NodeJS.EventEmitter = process;
type Listener = (...args: unknown[]) => void;
const vitestListeners = new Map(PROCESS_EVENTS.map((event) => [event, emitter.listeners(event) as Listener[]]));

async function reportingUncaught<T>(body: () => Promise<T>): Promise<T> {
  const report = (reason: unknown) => session.reportUncaught(reason);
  for (const [event, listeners] of vitestListeners) {
    for (const listener of listeners) emitter.off(event, listener);
    emitter.on(event, report);
  }
  try {
    return await body();
  } finally {
    for (const [event, listeners] of vitestListeners) {
      emitter.off(event, report);
      for (const listener of listeners) emitter.on(event, listener);
    }
  }
}

const outputs = new Map<number, Output[]>();
/** Snippets whose lines kept coming after the cell's last line had run. */
const printedLate: string[] = [];
let runId = 0;
// The same transpile-and-run code the page's TypeScript worker uses.
const session = createTypeScriptSession((id, output) => outputs.get(id)?.push(output));
afterAll(() => session.dispose());

test('the TypeScript corpus has event-loop quizzes and tutorial snippets, each saying where it comes from', () => {
  expect(snippets.length).toBeGreaterThanOrEqual(15);
  expect(snippets.filter((snippet) => snippet.origin === '').map((snippet) => snippet.name)).toEqual([]);
});

// node runs each snippet as an ES module, here and now; the kernel runs it as a cell.
describe.each(snippets)('$name in the TypeScript kernel', (snippet) => {
  const known = KNOWN_FAILURES[snippet.name];
  (known ? test.fails : test)(known ? `prints what node prints (fails until: ${known})` : 'prints what node prints', async () => {
    const reference = runReference('typescript', snippet);
    const id = ++runId;
    const received: Output[] = [];
    outputs.set(id, received);
    session.reset();
    const run = await reportingUncaught(() => runInSession(session, id, snippet.code, received));
    if (run.late > 0) printedLate.push(snippet.name);
    const view = kernelView(received);
    const context = describeRun(snippet, reference, received);

    if (reference.status === 0) {
      expect(view.error, context).toBeUndefined();
      expect(normalizeOutputText(view.stderr), context).toBe(normalizeOutputText(reference.stderr));
    } else {
      // Node ends the program at an error nobody caught, after the lines before it; the notebook's
      // loop goes on, but the error must show in the cell, named as Node names it.
      expect(view.error, `${context}\n\nno error in the cell`).toBeDefined();
      expect(reference.stderr.split('\n').map((line) => line.trim()), context).toContain(`${view.error!.ename}: ${view.error!.evalue}`);
    }
    expect(normalizeOutputText(view.stdout), context).toBe(normalizeOutputText(reference.stdout));
  });
});

test('the corpus exercises output that arrives after a cell has run: timers, intervals, late jobs', () => {
  expect(printedLate.length, printedLate.join(', ')).toBeGreaterThanOrEqual(5);
});
