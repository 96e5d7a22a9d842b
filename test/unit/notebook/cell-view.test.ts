// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CellModel, type CellSide } from '../../../src/notebook/cell-model.ts';
import { CellView, describePending } from '../../../src/notebook/cell-view.ts';

describe('describePending', () => {
  it.each([
    [{ tasks: 0, timers: 0 }, ''],
    [{ tasks: 1, timers: 0 }, '1 task pending'],
    [{ tasks: 0, timers: 1 }, '1 timer pending'],
    [{ tasks: 3, timers: 0 }, '3 tasks pending'],
    [{ tasks: 0, timers: 2 }, '2 timers pending'],
    [{ tasks: 1, timers: 2 }, '1 task and 2 timers pending'],
    [{ tasks: 2, timers: 1 }, '2 tasks and 1 timer pending'],
    [{ tasks: 1, timers: 1 }, '1 task and 1 timer pending'],
  ])('%o reads "%s"', (work, words) => {
    expect(describePending(work)).toBe(words);
  });
});

function cell() {
  const root = document.createElement('div');
  root.innerHTML = `
    <span class="cell-count">[ ]</span>
    <span class="cell-state"></span>
    <button type="button" class="cell-stop" title="Stop this cell" hidden>Stop</button>
    <div class="cell-output" role="log"><pre class="output-text"></pre></div>`;
  const sides: CellSide[] = [
    { language: 'python', original: 'print(1)', code: 'print(1)', fromLink: false, stored: 'stored 1', outputs: undefined },
  ];
  const model = new CellModel('chapter', 'cell-a', '1', sides);
  const view = new CellView(root, model);
  const part = (selector: string) => root.querySelector<HTMLElement>(selector)!;
  return {
    root,
    model,
    view,
    count: () => part('.cell-count').textContent,
    state: () => part('.cell-state').textContent,
    stop: () => part('.cell-stop') as HTMLButtonElement,
    log: () => part('[role="log"]').textContent,
  };
}

describe('CellView', () => {
  it('shows the stored output until the cell runs, then what the run printed', () => {
    const { model, view, root, log } = cell();
    view.redraw();
    expect(log()).toContain('stored 1');
    expect(root.classList.contains('has-stored-output')).toBe(true);
    model.startOutputs('python');
    model.apply({ output_type: 'stream', name: 'stdout', text: 'fresh\n' });
    model.finishRun();
    expect(log()).toContain('fresh');
    expect(log()).not.toContain('stored 1');
    expect(root.classList.contains('has-stored-output')).toBe(false);
  });

  it('while running: [*], "running", busy, and Stop to stop the cell', () => {
    const { model, root, count, state, stop } = cell();
    model.setRun({ phase: 'running', executionCount: 3 });
    expect(count()).toBe('[*]');
    expect(state()).toBe('running');
    expect(root.getAttribute('aria-busy')).toBe('true');
    expect(stop().hidden).toBe(false);
    expect(stop().title).toBe('Stop this cell');
  });

  it('after its last line with work left: the count, the note and the work in words, and Stop to cancel it', () => {
    const { model, root, count, state, stop } = cell();
    model.setRun({ phase: 'idle', executionCount: 3, note: '12 ms', pending: { tasks: 0, timers: 2 } });
    expect(count()).toBe('[3]');
    expect(state()).toBe('12 ms · 2 timers pending');
    expect(root.getAttribute('aria-busy')).toBe('false');
    expect(root.hasAttribute('data-pending')).toBe(true);
    expect(stop().hidden).toBe(false);
    expect(stop().title).toBe('Cancel what this cell left running (2 timers pending)');
  });

  it('once the work is gone: no Stop, no pending mark, only the note', () => {
    const { model, root, state, stop } = cell();
    model.setRun({ phase: 'idle', executionCount: 3, note: '12 ms', pending: { tasks: 0, timers: 2 } });
    model.setRun({ pending: { tasks: 0, timers: 0 } });
    expect(state()).toBe('12 ms');
    expect(root.hasAttribute('data-pending')).toBe(false);
    expect(stop().hidden).toBe(true);
  });

  it('a waiting cell says so and its count is [*]', () => {
    const { model, count, state } = cell();
    model.setRun({ phase: 'waiting' });
    expect(count()).toBe('[*]');
    expect(state()).toBe('waiting');
  });

  it('Clear empties the log (not even the stored output) and the count', () => {
    const { model, view, count, log } = cell();
    view.redraw();
    model.setRun({ executionCount: 2 });
    expect(log()).toContain('stored 1');
    expect(count()).toBe('[2]');
    model.clearOutputs();
    expect(log()).not.toContain('stored 1');
    expect(count()).toBe('[ ]');
  });
});
