import { describe, expect, it } from 'vitest';
import { isKernelEvent, isKernelRequest, isOutput, output, outputMessage } from '../../../src/kernel/protocol.ts';

// The older shapes (stream, execute_result, error, run, done...) are covered by protocol.test.ts;
// this file covers what a run that outlives its last line added: pending, cancel, display ids,
// update_display_data and clear_output.

const displayWithId = {
  output_type: 'display_data',
  data: { 'text/plain': 'frame 1' },
  transient: { display_id: 'clock' },
} as const;
const update = { output_type: 'update_display_data', data: { 'text/plain': 'frame 2' }, transient: { display_id: 'clock' } } as const;
const clear = { output_type: 'clear_output', wait: false } as const;
const clearWait = { output_type: 'clear_output', wait: true } as const;

describe('display_data with a display id', () => {
  it('is an output, with or without transient', () => {
    expect(isOutput(displayWithId)).toBe(true);
    expect(isOutput({ output_type: 'display_data', data: { 'text/plain': 'x' } })).toBe(true);
    expect(isOutput({ output_type: 'display_data', data: { 'text/plain': 'x' }, transient: undefined })).toBe(true);
  });

  it.each<[string, unknown]>([
    ['transient without display_id', {}],
    ['a numeric display_id', { display_id: 7 }],
    ['transient as a string', 'clock'],
    ['transient as null', null],
    ['transient as an array carrying display_id', Object.assign([], { display_id: 'clock' })],
  ])('is rejected with %s', (_, transient) => {
    const value = { ...displayWithId, transient };
    expect(isOutput(value)).toBe(false);
    expect(outputMessage.is(value)).toBe(false);
  });
});

describe('outputMessage', () => {
  it('accepts every stored output kind, as isOutput does', () => {
    const stored = [
      { output_type: 'stream', name: 'stdout', text: 'a' },
      { output_type: 'execute_result', execution_count: 1, data: { 'text/plain': '1' } },
      displayWithId,
      { output_type: 'error', ename: 'E', evalue: 'x', traceback: [] },
    ];
    for (const value of stored) {
      expect(outputMessage.is(value)).toBe(true);
      expect(isOutput(value)).toBe(true);
    }
  });

  it('accepts update_display_data and clear_output, which are not stored outputs', () => {
    for (const value of [update, clear, clearWait]) {
      expect(outputMessage.is(value)).toBe(true);
      expect(isOutput(value)).toBe(false);
    }
  });

  it('lists the tags an exhaustive switch must cover', () => {
    expect([...outputMessage.tags].sort()).toEqual(
      ['clear_output', 'display_data', 'error', 'execute_result', 'stream', 'update_display_data'].sort(),
    );
    expect([...output.tags].sort()).toEqual(['display_data', 'error', 'execute_result', 'stream'].sort());
  });

  it.each<[string, unknown]>([
    ['update_display_data without transient', { output_type: 'update_display_data', data: { 'text/plain': 'x' } }],
    ['update_display_data with an empty transient', { ...update, transient: {} }],
    ['update_display_data with a numeric display_id', { ...update, transient: { display_id: 1 } }],
    ['update_display_data without data', { output_type: 'update_display_data', transient: { display_id: 'clock' } }],
    ['update_display_data whose data lacks text/plain', { ...update, data: { 'text/html': '<b>' } }],
    ['update_display_data with a non-string mime value', { ...update, data: { 'text/plain': 'x', 'image/png': 1 } }],
    ['clear_output without wait', { output_type: 'clear_output' }],
    ['clear_output with wait as a string', { output_type: 'clear_output', wait: 'true' }],
    ['clear_output with wait as a number', { output_type: 'clear_output', wait: 1 }],
    ['clear_output with wait null', { output_type: 'clear_output', wait: null }],
    ['an unknown output_type', { output_type: 'clear', wait: true }],
    ['output_type in another case', { ...clear, output_type: 'Clear_Output' }],
  ])('rejects %s', (_, value) => {
    expect(outputMessage.is(value)).toBe(false);
  });
});

describe('isKernelEvent: output events carry any output message', () => {
  it.each([
    ['display_data with transient', displayWithId],
    ['update_display_data', update],
    ['clear_output', clear],
    ['clear_output with wait', clearWait],
  ])('accepts an output event carrying %s', (_, message) => {
    expect(isKernelEvent({ type: 'output', runId: 3, output: message })).toBe(true);
  });

  it('rejects an output event carrying a malformed update or clear', () => {
    expect(isKernelEvent({ type: 'output', runId: 3, output: { ...update, transient: undefined } })).toBe(false);
    expect(isKernelEvent({ type: 'output', runId: 3, output: { output_type: 'clear_output' } })).toBe(false);
  });
});

describe('isKernelEvent: pending', () => {
  const pending = { type: 'pending', runId: 4, tasks: 1, timers: 2 } as const;

  it('accepts counts, including zeros (the run has no work left)', () => {
    expect(isKernelEvent(pending)).toBe(true);
    expect(isKernelEvent({ ...pending, tasks: 0, timers: 0 })).toBe(true);
  });

  it.each<[string, unknown]>([
    ['without runId', { type: 'pending', tasks: 1, timers: 2 }],
    ['without tasks', { type: 'pending', runId: 4, timers: 2 }],
    ['without timers', { type: 'pending', runId: 4, tasks: 1 }],
    ['with a negative count', { ...pending, timers: -1 }],
    ['with a fractional count', { ...pending, tasks: 0.5 }],
    ['with a count as a string', { ...pending, tasks: '1' }],
    ['with NaN timers', { ...pending, timers: Number.NaN }],
    ['with runId as a string', { ...pending, runId: '4' }],
    ['with the counts nested', { type: 'pending', runId: 4, work: { tasks: 1, timers: 2 } }],
  ])('rejects pending %s', (_, value) => {
    expect(isKernelEvent(value)).toBe(false);
  });

  it('is not a request', () => {
    expect(isKernelRequest(pending)).toBe(false);
  });
});

describe('isKernelRequest: cancel and interrupt', () => {
  it('accepts cancel with a run id', () => {
    expect(isKernelRequest({ type: 'cancel', runId: 0 })).toBe(true);
    expect(isKernelRequest({ type: 'cancel', runId: 12 })).toBe(true);
  });

  it.each<[string, unknown]>([
    ['without runId', { type: 'cancel' }],
    ['with a negative runId', { type: 'cancel', runId: -1 }],
    ['with a fractional runId', { type: 'cancel', runId: 1.5 }],
    ['with runId as a string', { type: 'cancel', runId: '1' }],
    ['with a list of run ids', { type: 'cancel', runIds: [1] }],
  ])('rejects cancel %s', (_, value) => {
    expect(isKernelRequest(value)).toBe(false);
  });

  it('accepts interrupt and reset, which carry nothing', () => {
    expect(isKernelRequest({ type: 'interrupt' })).toBe(true);
    expect(isKernelRequest({ type: 'reset' })).toBe(true);
  });

  it('rejects init without a buffer, or with one that is not shared', () => {
    expect(isKernelRequest({ type: 'init' })).toBe(false);
    expect(isKernelRequest({ type: 'init', interruptBuffer: new Uint8Array(new SharedArrayBuffer(1)) })).toBe(false);
    expect(isKernelRequest({ type: 'init', interruptBuffer: new ArrayBuffer(1) })).toBe(false);
  });

  it('cancel is not an event, nor is a run', () => {
    expect(isKernelEvent({ type: 'cancel', runId: 1 })).toBe(false);
    expect(isKernelEvent({ type: 'run', runId: 1, code: '', filename: '', executionCount: 1 })).toBe(false);
  });
});
