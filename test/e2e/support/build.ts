import { spawnSync } from 'node:child_process';

const ROOT = new URL('../../..', import.meta.url).pathname;

/**
 * Builds the site as `npm start` does. The build runs in a child of vitest, whose environment
 * carries vitest's own import.meta.env (PROD empty, DEV, MODE=test, BASE_URL=/, NODE_ENV=test);
 * Vite would take those over and build a page without its service worker and with links at the
 * root. The child gets the environment a reader's shell has.
 */
export function buildSite({ outDir, base }: { outDir?: string; base?: string } = {}): boolean {
  const args = ['astro', 'build', ...(outDir ? ['--outDir', outDir] : [])];
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(base ? { BASE_PATH: base } : {}) };
  for (const name of VITEST_ENV) delete env[name];
  return spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit', env }).status === 0;
}

const VITEST_ENV = ['NODE_ENV', 'PROD', 'DEV', 'SSR', 'MODE', 'BASE_URL', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'];
