/**
 * The bench finishes: `node bench/run.mjs --quick` (one run of each figure measured from this
 * machine, on the suite's build in dist/) must end within its time limit, report no failed
 * measurement, and print every figure with a number. The numbers' sizes are the bench's business.
 */
import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { QUICK_FIGURES } from '../../bench/stats.mjs';
import { chromiumPath, hasChromium } from './support/site.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
/** A quick bench takes a few minutes on two busy cores; past this it counts as not finishing. */
const LIMIT_MS = 15 * 60_000;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  finished: boolean;
}

/** Runs the quick bench in a child process, killed (and reported unfinished) at the limit. */
function runQuickBench(): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bench/run.mjs', '--quick'], {
      cwd: ROOT,
      env: { ...process.env, CHROMIUM_PATH: chromiumPath },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    let finished = true;
    const timer = setTimeout(() => {
      finished = false;
      // The bench and the browsers it started.
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, finished });
    });
  });
}

describe.skipIf(!hasChromium)('the bench', () => {
  test('--quick finishes, with a number for every local figure and no failed measurement', { timeout: LIMIT_MS + 60_000 }, async () => {
    const { code, stdout, stderr, finished } = await runQuickBench();
    const report = `${stdout}\n--- stderr ---\n${stderr}`;
    expect(finished, report).toBe(true);
    expect(stdout, report).not.toMatch(/FAILED/);
    expect(code, report).toBe(0);
    for (const { key, unit } of QUICK_FIGURES as { key: string; unit: string }[]) {
      const escapedUnit = unit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      expect(stdout, `${key} in:\n${report}`).toMatch(new RegExp(`^${key}\\s+-?\\d+(\\.\\d+)? ${escapedUnit}(\\s|$)`, 'm'));
    }
  });
});
