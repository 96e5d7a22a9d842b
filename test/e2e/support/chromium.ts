import { existsSync } from 'node:fs';

const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Finds the machine's Chromium. Without one, browser tests are skipped with a plain message, except
 * under CI=true, where a missing browser must fail the run rather than pass it silently.
 */
export function findChromium(): string | undefined {
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  if (found) return found;
  const message = 'Chromium was not found (looked for /usr/bin/chromium; set CHROMIUM_PATH). Install it with: apt-get install -y chromium';
  if (process.env['CI'] === 'true') throw new Error(`${message}. CI=true, so this is a failure.`);
  console.warn(`\n  ${message}\n  Browser tests are SKIPPED.\n`);
  return undefined;
}
