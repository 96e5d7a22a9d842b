/**
 * The only messages that cross between the page and a kernel worker. Both ends import this file,
 * and both ends validate what they receive instead of casting `event.data`.
 */

/** A MIME bundle, as in Jupyter: `text/plain` is always present. */
export interface MimeBundle {
  'text/plain': string;
  [mime: string]: string;
}

/** Jupyter's output vocabulary. */
export type Output =
  | { output_type: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { output_type: 'execute_result'; execution_count: number; data: MimeBundle }
  | { output_type: 'display_data'; data: MimeBundle }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };

export type KernelState = 'starting' | 'idle' | 'busy' | 'dead';

export type RunStatus = 'ok' | 'error';

/** Page to worker. */
export type KernelRequest =
  | {
      type: 'run';
      runId: number;
      code: string;
      /** Shown in tracebacks, e.g. `Cell 3`. */
      filename: string;
      executionCount: number;
    }
  /** First message: a one-byte shared buffer Python checks for a pending Ctrl+C (cross-origin isolated pages only). */
  | { type: 'init'; interruptBuffer: SharedArrayBuffer }
  /** Stops a cell that is awaiting; a busy cell is stopped through the interrupt buffer. */
  | { type: 'interrupt' }
  | { type: 'reset' };

/** Worker to page. */
export type KernelEvent =
  | { type: 'progress'; stage: string; step: number; steps: number }
  | { type: 'ready'; version: string }
  | { type: 'output'; runId: number; output: Output }
  | { type: 'done'; runId: number; status: RunStatus }
  | { type: 'fatal'; message: string };

type Check<T> = (value: unknown) => value is T;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function isMimeBundle(value: unknown): value is MimeBundle {
  return isRecord(value) && isString(value['text/plain']) && Object.values(value).every(isString);
}

export const isOutput: Check<Output> = (value): value is Output => {
  if (!isRecord(value)) return false;
  switch (value['output_type']) {
    case 'stream':
      return (value['name'] === 'stdout' || value['name'] === 'stderr') && isString(value['text']);
    case 'execute_result':
      return isCount(value['execution_count']) && isMimeBundle(value['data']);
    case 'display_data':
      return isMimeBundle(value['data']);
    case 'error':
      return (
        isString(value['ename']) &&
        isString(value['evalue']) &&
        Array.isArray(value['traceback']) &&
        value['traceback'].every(isString)
      );
    default:
      return false;
  }
};

export const isKernelEvent: Check<KernelEvent> = (value): value is KernelEvent => {
  if (!isRecord(value)) return false;
  switch (value['type']) {
    case 'progress':
      return isString(value['stage']) && isCount(value['step']) && isCount(value['steps']);
    case 'ready':
      return isString(value['version']);
    case 'output':
      return isCount(value['runId']) && isOutput(value['output']);
    case 'done':
      return isCount(value['runId']) && (value['status'] === 'ok' || value['status'] === 'error');
    case 'fatal':
      return isString(value['message']);
    default:
      return false;
  }
};

export const isKernelRequest: Check<KernelRequest> = (value): value is KernelRequest => {
  if (!isRecord(value)) return false;
  switch (value['type']) {
    case 'run':
      return (
        isCount(value['runId']) &&
        isString(value['code']) &&
        isString(value['filename']) &&
        isCount(value['executionCount'])
      );
    case 'init':
      return typeof SharedArrayBuffer !== 'undefined' && value['interruptBuffer'] instanceof SharedArrayBuffer;
    case 'interrupt':
    case 'reset':
      return true;
    default:
      return false;
  }
};
