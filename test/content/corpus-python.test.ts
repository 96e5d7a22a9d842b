import { beforeAll, describe, expect, test } from 'vitest';
import { loadTestPyodide } from '../support/pyodide.ts';
import { createPythonSession, type PythonSession } from '../../src/kernel/python/session.ts';
import type { Output } from '../../src/kernel/protocol.ts';
import { normalizeOutputText } from '../../src/output/text.ts';
import { describeRun, kernelView, lastLine, readCorpus, runInSession, runReference } from '../support/corpus.ts';

const snippets = readCorpus('python');
let session: PythonSession;
const outputs = new Map<number, Output[]>();
let runId = 0;

beforeAll(async () => {
  const pyodide = await loadTestPyodide();
  session = createPythonSession(pyodide, (id, output) => outputs.get(id)?.push(output));
});

test('the Python corpus has snippets from the docs and tutorials, each saying where it comes from', () => {
  expect(snippets.length).toBeGreaterThanOrEqual(20);
  expect(snippets.filter((snippet) => snippet.origin === '').map((snippet) => snippet.name)).toEqual([]);
});

// Pasted code must print what CPython prints: python3 runs each snippet here and now, Pyodide runs it
// through the page's own session code, as a cell.
describe.each(snippets)('$name on Pyodide', (snippet) => {
  test('prints what python3 prints', async () => {
    const reference = runReference('python', snippet);
    const id = ++runId;
    const received: Output[] = [];
    outputs.set(id, received);
    session.reset();
    const run = await runInSession(session, id, snippet.code, received);
    const view = kernelView(received);
    const context = describeRun(snippet, reference, received);

    expect(normalizeOutputText(view.stdout), context).toBe(normalizeOutputText(reference.stdout));
    if (reference.status === 0) {
      expect(view.error, context).toBeUndefined();
      expect(run.status, context).toBe('ok');
      if (!snippet.stdoutOnly) expect(normalizeOutputText(view.stderr), context).toBe(normalizeOutputText(reference.stderr));
    } else {
      // Paths and frames differ between a file and a cell; the exception itself must not.
      expect(run.status, context).toBe('error');
      expect(lastLine(view.error?.traceback.join('') ?? ''), context).toBe(lastLine(reference.stderr));
    }
  });
});
