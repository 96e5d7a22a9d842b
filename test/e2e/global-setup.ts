import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite } from './support/build.ts';
import { findChromium } from './support/chromium.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const PORT = Number(process.env['E2E_PORT'] ?? 4399);

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`astro preview exited with ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`astro preview did not answer at ${url}`);
}

/** Builds the site as a reader gets it and serves it with `astro preview`, like a static host. */
export default async function setup(project: TestProject) {
  const chromium = findChromium();
  project.provide('chromium', chromium ?? '');
  if (!chromium) return;

  if (process.env['E2E_SKIP_BUILD'] !== '1' || !existsSync(`${ROOT}dist/index.html`)) {
    if (!buildSite()) throw new Error('astro build failed');
  }
  const server = spawn('npx', ['astro', 'preview', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const baseURL = `http://127.0.0.1:${PORT}/`;
  await waitForServer(baseURL, server);
  project.provide('baseURL', baseURL);
  return () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** Path to Chromium, or '' when the machine has none. */
    chromium: string;
  }
}
