import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from '../../../src/lib/debounce.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('debounce', () => {
  it('calls once, with the latest arguments, after a quiet period', () => {
    const fn = vi.fn();
    const save = debounce(fn, 300);
    save('a');
    vi.advanceTimersByTime(100);
    save('ab');
    vi.advanceTimersByTime(100);
    save('abc');
    vi.advanceTimersByTime(299);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('abc');
    vi.advanceTimersByTime(10_000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('keeps postponing while calls keep coming', () => {
    const fn = vi.fn();
    const save = debounce(fn, 50);
    for (let i = 0; i < 20; i += 1) {
      save(i);
      vi.advanceTimersByTime(49);
    }
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledExactlyOnceWith(19);
  });

  it('calls again for a new burst after the first one fired', () => {
    const fn = vi.fn();
    const save = debounce(fn, 50);
    save('first');
    vi.advanceTimersByTime(50);
    save('second');
    vi.advanceTimersByTime(50);
    expect(fn.mock.calls).toEqual([['first'], ['second']]);
  });

  it('passes every argument through', () => {
    const fn = vi.fn();
    const call = debounce(fn, 10);
    call(1, 'two', { three: 3 });
    vi.runAllTimers();
    expect(fn).toHaveBeenCalledWith(1, 'two', { three: 3 });
  });

  it('flush() runs the pending call at once, and the timer then does not call again', () => {
    const fn = vi.fn();
    const save = debounce(fn, 300);
    save('draft');
    save.flush();
    expect(fn).toHaveBeenCalledExactlyOnceWith('draft');
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('flush() does nothing when nothing is pending', () => {
    const fn = vi.fn();
    const save = debounce(fn, 300);
    save.flush();
    expect(fn).not.toHaveBeenCalled();
    save('x');
    vi.advanceTimersByTime(300);
    save.flush();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('flushing twice calls once', () => {
    const fn = vi.fn();
    const save = debounce(fn, 300);
    save('x');
    save.flush();
    save.flush();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('never calls when nothing was ever called', () => {
    const fn = vi.fn();
    debounce(fn, 10);
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps separate debounced functions independent', () => {
    const a = vi.fn();
    const b = vi.fn();
    const callA = debounce(a, 100);
    const callB = debounce(b, 100);
    callA('a');
    callB('b');
    callA.flush();
    expect(a).toHaveBeenCalledWith('a');
    expect(b).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(b).toHaveBeenCalledWith('b');
    expect(a).toHaveBeenCalledTimes(1);
  });
});
