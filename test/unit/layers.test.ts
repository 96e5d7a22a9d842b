import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

interface CruiseSummary {
  summary: { totalCruised: number; violations: { rule: { name: string }; from: string; to: string }[] };
}

describe("the house's layers (.dependency-cruiser.cjs)", () => {
  it('hold: imports flow one way, with no cycles, for the page, the workers, the plugins and the service worker', () => {
    let stdout: string;
    try {
      stdout = execFileSync(join(ROOT, 'node_modules/.bin/depcruise'), ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      // depcruise exits non-zero when a rule is broken; its report is still on stdout.
      stdout = String((error as { stdout?: unknown }).stdout ?? '');
    }
    const { summary } = JSON.parse(stdout) as CruiseSummary;
    expect(summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`)).toEqual([]);
    // A cruise that read nothing would pass too: it must have seen the tree.
    expect(summary.totalCruised).toBeGreaterThan(100);
  }, 120_000);
});
