import type { WaitOptions } from './driver.ts';

/** How often a condition checked from the test's side is asked again. */
const INTERVAL_MS = 50;

/** `Driver.waitUntil` for drivers without a wait of their own: asks until yes, or fails after the time limit. */
export async function pollUntil(condition: () => Promise<boolean>, { timeout, message }: WaitOptions): Promise<void> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    try {
      if (await withinTime(condition(), left)) return;
    } catch (error) {
      // An element that is being replaced, or a page in the middle of a navigation: ask again.
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(INTERVAL_MS, Math.max(0, deadline - Date.now()))));
  }
  const cause = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
  throw new Error(`${message}: not within ${timeout} ms${cause}`);
}

/** `answer`, or false once `ms` have passed without one: a hung question counts as "not yet". */
function withinTime(answer: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}
