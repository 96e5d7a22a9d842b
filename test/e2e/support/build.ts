import { spawnSync } from 'node:child_process';

const ROOT = new URL('../../..', import.meta.url).pathname;

/**
 * Builds the site as `npm start` does. The build runs in a child of vitest, which sets
 * NODE_ENV=test; Astro would take that for a development build (import.meta.env.PROD false: no
 * service worker), so the child gets production, as on a reader's machine.
 */
export function buildSite({ outDir, base }: { outDir?: string; base?: string } = {}): boolean {
  const args = ['astro', 'build', ...(outDir ? ['--outDir', outDir] : [])];
  const env = { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ...(base ? { BASE_PATH: base } : {}) };
  return spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit', env }).status === 0;
}
