// A measurement that fails becomes a failure line for its figures, and the bench goes on.
import { within } from './reader.mjs';

/** The safety net of one measurement; every wait inside it has a shorter limit of its own. */
const MEASUREMENT_LIMIT_MS = 30 * 60_000;

/**
 * `failures` maps a figure to why it could not be measured. `attempt(keys, what, work)` runs one
 * measurement and returns what it gives; if it throws, or gives nothing within the safety net,
 * each of `keys` gets its reason, `log` says so, and it returns undefined.
 */
export function createAttempt(log) {
  const failures = new Map();
  async function attempt(keys, what, work, limit = MEASUREMENT_LIMIT_MS) {
    try {
      return await within(work(), limit, what);
    } catch (error) {
      const reason = `${what}: ${String(error?.message ?? error).split('\n')[0]}`;
      for (const key of keys) if (!failures.has(key)) failures.set(key, reason);
      log(`FAILED ${keys.join(', ')}: ${reason}`);
      return undefined;
    }
  }
  return { failures, attempt };
}
