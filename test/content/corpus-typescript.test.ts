import { afterAll, describe, expect, test } from 'vitest';
import type { Output } from '../../src/kernel/protocol.ts';
import { createTypeScriptSession } from '../../src/kernel/typescript/typescript-session.ts';
import { normalizeOutputText } from '../../src/output/text.ts';
import { describeRun, kernelView, readCorpus, runInSession, runReference } from '../support/corpus.ts';

const snippets = readCorpus('typescript');

// Vitest's own listeners turn an unhandled rejection into a failed run. They are taken now, before the
// session adds any of its own, and set aside while a snippet runs: the kernel must catch what the
// snippet leaves unhandled, and whatever it misses is recorded here and fails that snippet's test.
const PROCESS_EVENTS = ['unhandledRejection', 'uncaughtException'];
// As a plain emitter, so one loop handles both events' listener types.
const emitter: NodeJS.EventEmitter = process;
type Listener = (...args: unknown[]) => void;
const vitestListeners = new Map(PROCESS_EVENTS.map((event) => [event, emitter.listeners(event) as Listener[]]));

async function withoutVitestListeners<T>(body: () => Promise<T>): Promise<{ value: T; escaped: unknown[] }> {
  const escaped: unknown[] = [];
  const record = (reason: unknown) => escaped.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : reason);
  for (const [event, listeners] of vitestListeners) {
    for (const listener of listeners) emitter.off(event, listener);
    emitter.on(event, record);
  }
  try {
    return { value: await body(), escaped };
  } finally {
    for (const [event, listeners] of vitestListeners) {
      emitter.off(event, record);
      for (const listener of listeners) emitter.on(event, listener);
    }
  }
}

const outputs = new Map<number, Output[]>();
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
  test('prints what node prints', async () => {
    const reference = runReference('typescript', snippet);
    const id = ++runId;
    const received: Output[] = [];
    outputs.set(id, received);
    session.reset();
    const { value: run, escaped } = await withoutVitestListeners(() => runInSession(session, id, snippet.code, received));
    const view = kernelView(received);
    const context = describeRun(snippet, reference, received);

    expect(escaped, `${context}\n\nan error escaped the kernel`).toEqual([]);
    if (reference.status === 0) {
      expect(view.error, context).toBeUndefined();
      expect(normalizeOutputText(view.stderr), context).toBe(normalizeOutputText(reference.stderr));
    } else {
      // Node ends the program at an error nobody caught, after the lines before it; the notebook's
      // loop goes on, but the error must show in the cell, named as Node names it.
      expect(view.error, `${context}\n\nno error in the cell`).toBeDefined();
      expect(reference.stderr.split('\n').map((line) => line.trim()), context).toContain(view.error!.traceback[0]!.trim());
    }
    expect(normalizeOutputText(view.stdout), context).toBe(normalizeOutputText(reference.stdout));
    if (!run.settled) {
      expect(run.late, `${context}\n\noutput arrived after run() resolved, and the session has no settle() to wait for it`).toBe(0);
    }
  });
});
