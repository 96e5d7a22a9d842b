import { describe, expect, it } from 'vitest';
import { createStreamBatcher, type StreamName } from '../../../../src/kernel/worker/stream-batcher.ts';

/** A batcher on a clock the test moves by hand, recording what reaches the page. */
function setup(options: { burst?: number; windowMs?: number } = {}) {
  let time = 1000;
  const sent: [StreamName, string][] = [];
  const batcher = createStreamBatcher({
    send: (_runId, name, text) => sent.push([name, text]),
    now: () => time,
    ...options,
  });
  return {
    batcher,
    sent,
    advance(ms: number) {
      time += ms;
    },
    /** Everything sent, per stream, joined: what the reader ends up seeing. */
    joined(name: StreamName) {
      return sent
        .filter(([n]) => n === name)
        .map(([, text]) => text)
        .join('');
    },
  };
}

describe('createStreamBatcher', () => {
  it('sends the first writes of a window immediately, one message each, in order', () => {
    const { batcher, sent } = setup({ burst: 3, windowMs: 16 });
    batcher.write(1, 'stdout', 'a');
    expect(sent).toEqual([['stdout', 'a']]);
    batcher.write(1, 'stderr', 'b');
    batcher.write(1, 'stdout', 'c');
    expect(sent).toEqual([
      ['stdout', 'a'],
      ['stderr', 'b'],
      ['stdout', 'c'],
    ]);
  });

  it('uses a burst of 32 per 16 ms window by default', () => {
    const { batcher, sent, advance } = setup();
    for (let i = 0; i < 40; i += 1) batcher.write(1, 'stdout', `${i}\n`);
    expect(sent).toHaveLength(32);
    advance(15);
    batcher.write(1, 'stdout', 'x');
    expect(sent).toHaveLength(32);
    advance(1);
    batcher.write(1, 'stdout', 'y');
    // The merged tail, then the new write on its own.
    expect(sent.slice(32)).toEqual([
      ['stdout', Array.from({ length: 8 }, (_, i) => `${i + 32}\n`).join('') + 'x'],
      ['stdout', 'y'],
    ]);
  });

  it('holds writes beyond the burst and merges them per stream until flush()', () => {
    const { batcher, sent } = setup({ burst: 2 });
    batcher.write(1, 'stdout', '1');
    batcher.write(1, 'stdout', '2');
    batcher.write(1, 'stdout', '3');
    batcher.write(1, 'stdout', '4');
    batcher.write(1, 'stdout', '5');
    expect(sent).toEqual([
      ['stdout', '1'],
      ['stdout', '2'],
    ]);
    batcher.flush();
    expect(sent).toEqual([
      ['stdout', '1'],
      ['stdout', '2'],
      ['stdout', '345'],
    ]);
  });

  it('sends the merged tail with the next write once the window has passed', () => {
    const { batcher, sent, advance } = setup({ burst: 1, windowMs: 10 });
    batcher.write(1, 'stdout', 'a');
    batcher.write(1, 'stdout', 'b');
    batcher.write(1, 'stdout', 'c');
    advance(9);
    batcher.write(1, 'stdout', 'd');
    expect(sent).toEqual([['stdout', 'a']]);
    advance(1);
    batcher.write(1, 'stdout', 'e');
    expect(sent).toEqual([
      ['stdout', 'a'],
      ['stdout', 'bcd'],
      ['stdout', 'e'],
    ]);
  });

  it('keeps stdout and stderr apart and in the order they were written when merging', () => {
    const { batcher, sent } = setup({ burst: 1 });
    batcher.write(1, 'stdout', 'first');
    batcher.write(1, 'stdout', 'o1');
    batcher.write(1, 'stdout', 'o2');
    batcher.write(1, 'stderr', 'e1');
    batcher.write(1, 'stderr', 'e2');
    batcher.write(1, 'stdout', 'o3');
    batcher.flush();
    expect(sent).toEqual([
      ['stdout', 'first'],
      ['stdout', 'o1o2'],
      ['stderr', 'e1e2'],
      ['stdout', 'o3'],
    ]);
  });

  it('sends held text before the write that releases it, across streams', () => {
    const { batcher, sent, advance } = setup({ burst: 2, windowMs: 10 });
    batcher.write(1, 'stdout', 'a');
    batcher.write(1, 'stdout', 'b');
    batcher.write(1, 'stderr', 'c');
    advance(10);
    batcher.write(1, 'stdout', 'd');
    expect(sent).toEqual([
      ['stdout', 'a'],
      ['stdout', 'b'],
      ['stderr', 'c'],
      ['stdout', 'd'],
    ]);
  });

  it('ignores empty writes: they send nothing and do not use up the burst', () => {
    const { batcher, sent } = setup({ burst: 1 });
    batcher.write(1, 'stdout', '');
    batcher.write(1, 'stderr', '');
    expect(sent).toEqual([]);
    batcher.write(1, 'stdout', 'x');
    expect(sent).toEqual([['stdout', 'x']]);
    batcher.write(1, 'stdout', '');
    batcher.flush();
    expect(sent).toEqual([['stdout', 'x']]);
  });

  it('flush() with nothing held sends nothing, and a second flush() does not resend', () => {
    const { batcher, sent } = setup({ burst: 1 });
    batcher.flush();
    expect(sent).toEqual([]);
    batcher.write(1, 'stdout', 'a');
    batcher.write(1, 'stdout', 'b');
    batcher.flush();
    batcher.flush();
    expect(sent).toEqual([
      ['stdout', 'a'],
      ['stdout', 'b'],
    ]);
  });

  it('loses and reorders nothing in a long print loop with interleaved streams', () => {
    const { batcher, sent, advance, joined } = setup();
    let stdout = '';
    let stderr = '';
    const order: StreamName[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const name: StreamName = i % 50 === 7 ? 'stderr' : 'stdout';
      const text = `${name}:${i}\n`;
      if (name === 'stdout') stdout += text;
      else stderr += text;
      order.push(name);
      batcher.write(1, name, text);
      if (i % 50 === 0) advance(3);
    }
    batcher.flush();
    expect(joined('stdout')).toBe(stdout);
    expect(joined('stderr')).toBe(stderr);
    // Far fewer messages than writes: the page is not flooded.
    expect(sent.length).toBeLessThan(2000 / 4);
    // Reconstructing the interleaving line by line gives back the original order.
    const lines = sent.flatMap(([name, text]) => text.split('\n').filter(Boolean).map(() => name));
    expect(lines).toEqual(order);
  });

  it('never merges the writes of two runs: late output of one cell does not leak into another', () => {
    const runs: [number, string][] = [];
    const batcher = createStreamBatcher({ send: (runId, _name, text) => runs.push([runId, text]), now: () => 0, burst: 1 });
    batcher.write(1, 'stdout', 'a');
    batcher.write(1, 'stdout', 'b');
    batcher.write(2, 'stdout', 'c');
    batcher.write(1, 'stdout', 'd');
    batcher.flush();
    expect(runs).toEqual([
      [1, 'a'],
      [1, 'b'],
      [2, 'c'],
      [1, 'd'],
    ]);
  });
});
