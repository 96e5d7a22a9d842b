import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { transform } from 'sucrase';
import type { Output } from '../../src/kernel/protocol.ts';
import { normalizeOutputText, outputsText } from '../../src/output/text.ts';

export const CORPUS_DIR = join(import.meta.dirname, '../content/corpus');

export type CorpusLanguage = 'python' | 'typescript';

export interface Snippet {
  /** File name without extension, e.g. `13-cancel-task`. */
  name: string;
  file: string;
  code: string;
  /** The first line's comment: where the idea comes from. */
  origin: string;
  /**
   * Marked `corpus: stdout-only` in a comment: the reference interpreter writes something to stderr
   * (a warning of its version) that the kernel's Python rightly does not, so only stdout is compared.
   */
  stdoutOnly: boolean;
}

const EXTENSION: Record<CorpusLanguage, string> = { python: '.py', typescript: '.ts' };
const COMMENT: Record<CorpusLanguage, RegExp> = { python: /^#\s*/, typescript: /^\/\/\s*/ };

/** Every snippet of one language, in file-name order. */
export function readCorpus(language: CorpusLanguage): Snippet[] {
  const dir = join(CORPUS_DIR, language);
  return readdirSync(dir)
    .filter((file) => file.endsWith(EXTENSION[language]))
    .sort()
    .map((file) => {
      const code = readFileSync(join(dir, file), 'utf8');
      const first = code.split('\n', 1)[0] ?? '';
      return {
        name: basename(file, EXTENSION[language]),
        file: join(dir, file),
        code,
        origin: COMMENT[language].test(first) ? first.replace(COMMENT[language], '') : '',
        stdoutOnly: /corpus:\s*stdout-only/.test(code),
      };
    });
}

export interface Reference {
  stdout: string;
  stderr: string;
  /** The exit code; 0 for a program that ended normally. */
  status: number;
}

let scratch: string | undefined;
const scratchDir = () => (scratch ??= mkdtempSync(join(tmpdir(), 'corpus-')));

/**
 * What the real interpreter prints for a snippet, run now: `python3` (CPython) for Python, and for
 * TypeScript `node` on the snippet as an ES module (so top-level `await` works) with its types
 * stripped by sucrase, as the kernel strips them.
 */
export function runReference(language: CorpusLanguage, snippet: Snippet): Reference {
  const run =
    language === 'python'
      ? spawnSync('python3', [snippet.file], { cwd: scratchDir(), encoding: 'utf8', timeout: 60_000 })
      : spawnSync('node', [nodeModule(snippet)], { cwd: scratchDir(), encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  return { stdout: run.stdout, stderr: run.stderr, status: run.status ?? -1 };
}

function nodeModule(snippet: Snippet): string {
  const file = join(scratchDir(), `${snippet.name}.mjs`);
  const { code } = transform(snippet.code, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true });
  writeFileSync(file, code);
  return file;
}

/** What a kernel's outputs show, split as a terminal would split them. */
export interface KernelView {
  /** stdout and results, up to the first error: what a terminal's stdout would hold. */
  stdout: string;
  stderr: string;
  /** The first error output, if any. */
  error?: Extract<Output, { output_type: 'error' }>;
}

export function kernelView(outputs: readonly Output[]): KernelView {
  const firstError = outputs.findIndex((output) => output.output_type === 'error');
  const before = firstError < 0 ? outputs : outputs.slice(0, firstError);
  const isStderr = (output: Output) => output.output_type === 'stream' && output.name === 'stderr';
  const error = outputs[firstError];
  return {
    stdout: outputsText(before.filter((output) => !isStderr(output))),
    stderr: outputsText(outputs.filter(isStderr)),
    ...(error?.output_type === 'error' ? { error } : {}),
  };
}

/** The last line with something on it: `ValueError: boom` at the end of a traceback. */
export function lastLine(text: string): string {
  return normalizeOutputText(text).split('\n').filter((line) => line.trim() !== '').pop() ?? '';
}

/** Where a failing comparison starts, for a message a reader can act on. */
export function describeRun(snippet: Snippet, reference: Reference, outputs: readonly Output[]): string {
  return [
    `${snippet.name} (${snippet.origin})`,
    `reference exit ${reference.status}, stdout:\n${reference.stdout}`,
    `reference stderr:\n${reference.stderr}`,
    `kernel outputs:\n${outputsText(outputs)}`,
  ].join('\n');
}

/** The part of either kernel session a corpus test drives. */
export interface CellSession {
  run(cell: { runId: number; code: string; filename: string; executionCount: number }): Promise<'ok' | 'error'>;
  /** Resolves once the run has no pending work left (timers, intervals, tasks, callbacks). */
  settle(runId: number, timeoutMs?: number): Promise<void>;
}

export interface SessionRun {
  status: 'ok' | 'error';
  /** Outputs that arrived after `run()` resolved: what a timer, an interval or a task printed late. */
  late: number;
}

/** Runs a snippet as a cell and waits until the work it left on the loop is done. */
export async function runInSession(session: CellSession, runId: number, code: string, outputs: Output[]): Promise<SessionRun> {
  const status = await session.run({ runId, code, filename: `Cell ${runId}`, executionCount: runId });
  const atEnd = outputs.length;
  await session.settle(runId, 20_000);
  return { status, late: outputs.length - atEnd };
}
