import { describe, expect, it } from 'vitest';
import type { Output, OutputMessage } from '../../../src/kernel/protocol.ts';
import { CellModel, type CellChange, type CellSide } from '../../../src/notebook/cell-model.ts';
import type { Language } from '../../../src/lib/languages.ts';

function side(language: Language, stored = ''): CellSide {
  const code = language === 'python' ? 'print(1)' : 'console.log(1)';
  return { language, original: code, code, fromLink: false, stored, outputs: undefined };
}

/** A cell with both sides (or only the ones given) and every change it announces. */
function setup(languages: Language[] = ['python', 'typescript']) {
  const model = new CellModel('event-loop', 'cell-a', '3', languages.map((language) => side(language, `stored ${language}`)));
  const changes: CellChange[] = [];
  model.onChange((change) => changes.push(change));
  const kinds = () => changes.map((change) => change.kind);
  const outputs = (language: Language = model.shown) => model.side(language)?.outputs;
  return { model, changes, kinds, outputs };
}

const stdout = (text: string): Output => ({ output_type: 'stream', name: 'stdout', text });
const display = (text: string, id?: string): Output => ({
  output_type: 'display_data',
  data: { 'text/plain': text },
  ...(id === undefined ? {} : { transient: { display_id: id } }),
});
const update = (text: string, id: string): OutputMessage => ({
  output_type: 'update_display_data',
  data: { 'text/plain': text },
  transient: { display_id: id },
});
const clear = (wait: boolean): OutputMessage => ({ output_type: 'clear_output', wait });

describe('CellModel: sides', () => {
  it('shows its first side until a run says otherwise', () => {
    expect(setup(['typescript', 'python']).model.shown).toBe('typescript');
    expect(setup().model.shown).toBe('python');
  });

  it('sideFor falls back to the first side when the cell has no twin in that language', () => {
    const { model } = setup(['python']);
    expect(model.side('typescript')).toBeUndefined();
    expect(model.sideFor('typescript').language).toBe('python');
    expect(model.sideFor('python').language).toBe('python');
  });

  it('sideFor gives the side of the language when there is one', () => {
    const { model } = setup();
    expect(model.sideFor('typescript').language).toBe('typescript');
  });

  it('setCode changes that side only, is no longer code from a link, and announces it', () => {
    const { model, kinds, changes } = setup();
    model.side('typescript')!.fromLink = true;
    model.setCode('typescript', 'let x = 1');
    expect(model.side('typescript')).toMatchObject({ code: 'let x = 1', fromLink: false });
    expect(changes).toEqual([{ kind: 'code', language: 'typescript' }]);
    expect(model.side('python')?.code).toBe('print(1)');
    expect(kinds()).toEqual(['code']);
  });

  it('setCode for a language the cell lacks changes nothing and announces nothing', () => {
    const { model, kinds } = setup(['python']);
    model.setCode('typescript', 'let x = 1');
    expect(model.side('python')?.code).toBe('print(1)');
    expect(kinds()).toEqual([]);
  });
});

describe('CellModel: run state', () => {
  it('setRun sets what it is given and announces a run change', () => {
    const { model, kinds } = setup();
    model.setRun({ phase: 'running', executionCount: 4 });
    expect(model.phase).toBe('running');
    expect(model.executionCount).toBe(4);
    expect(model.note).toBe('');
    expect(kinds()).toEqual(['run']);
  });

  it('has pending work while a task or a timer is left, not with zeros', () => {
    const { model } = setup();
    expect(model.hasPendingWork).toBe(false);
    model.setRun({ pending: { tasks: 0, timers: 1 } });
    expect(model.hasPendingWork).toBe(true);
    model.setRun({ pending: { tasks: 1, timers: 0 } });
    expect(model.hasPendingWork).toBe(true);
    model.setRun({ pending: { tasks: 0, timers: 0 } });
    expect(model.hasPendingWork).toBe(false);
  });

  it('a listener that unsubscribed hears nothing more', () => {
    const { model } = setup();
    const heard: CellChange[] = [];
    const unsubscribe = model.onChange((change) => heard.push(change));
    model.setRun({ note: 'a' });
    unsubscribe();
    model.setRun({ note: 'b' });
    expect(heard).toEqual([{ kind: 'run' }]);
  });
});

describe('CellModel: outputs', () => {
  it('startOutputs shows that side, empties its outputs and announces a redraw', () => {
    const { model, kinds, outputs } = setup();
    model.startOutputs('typescript');
    expect(model.shown).toBe('typescript');
    expect(outputs('typescript')).toEqual([]);
    expect(outputs('python')).toBeUndefined();
    expect(kinds()).toEqual(['outputs']);
  });

  it('startOutputs of a new run forgets what the last run printed', () => {
    const { model, outputs } = setup();
    model.startOutputs('python');
    model.apply(stdout('old\n'));
    model.startOutputs('python');
    expect(outputs()).toEqual([]);
  });

  it('apply appends each output to the side shown and announces it', () => {
    const { model, changes, outputs } = setup();
    model.startOutputs('typescript');
    model.apply(stdout('a\n'));
    model.apply(display('b'));
    expect(outputs('typescript')).toEqual([stdout('a\n'), display('b')]);
    expect(outputs('python')).toBeUndefined();
    expect(changes.slice(1)).toEqual([
      { kind: 'output', output: stdout('a\n') },
      { kind: 'output', output: display('b') },
    ]);
  });

  it('apply before any run starts the outputs of the side shown', () => {
    const { model, outputs } = setup();
    model.apply(stdout('x\n'));
    expect(outputs('python')).toEqual([stdout('x\n')]);
  });

  it('clear_output without wait empties the outputs at once and announces a redraw', () => {
    const { model, kinds, outputs } = setup();
    model.startOutputs('python');
    model.apply(stdout('frame 1\n'));
    model.apply(clear(false));
    expect(outputs()).toEqual([]);
    expect(kinds()).toEqual(['outputs', 'output', 'outputs']);
  });

  it('clear_output with wait keeps the outputs until the next output, which replaces them', () => {
    const { model, kinds, outputs } = setup();
    model.startOutputs('python');
    model.apply(stdout('frame 1\n'));
    model.apply(clear(true));
    expect(outputs()).toEqual([stdout('frame 1\n')]);
    expect(kinds()).toEqual(['outputs', 'output']);
    model.apply(stdout('frame 2\n'));
    expect(outputs()).toEqual([stdout('frame 2\n')]);
    expect(kinds()).toEqual(['outputs', 'output', 'outputs']);
  });

  it('clear_output with wait clears only once: the output after the next one is appended', () => {
    const { model, outputs } = setup();
    model.startOutputs('python');
    model.apply(stdout('frame 1\n'));
    model.apply(clear(true));
    model.apply(stdout('frame 2\n'));
    model.apply(stdout('more\n'));
    expect(outputs()).toEqual([stdout('frame 2\n'), stdout('more\n')]);
  });

  it('a clear waiting when a new run starts does not clear that run’s first output', () => {
    const { model, outputs } = setup();
    model.startOutputs('python');
    model.apply(stdout('old\n'));
    model.apply(clear(true));
    model.startOutputs('python');
    model.apply(stdout('new 1\n'));
    model.apply(stdout('new 2\n'));
    expect(outputs()).toEqual([stdout('new 1\n'), stdout('new 2\n')]);
  });

  it('update_display_data replaces the data of the display with that id, and only that one', () => {
    const { model, kinds, outputs } = setup();
    model.startOutputs('python');
    model.apply(display('clock 1', 'clock'));
    model.apply(display('other', 'other'));
    model.apply(display('no id'));
    model.apply(stdout('text\n'));
    model.apply(update('clock 2', 'clock'));
    expect(outputs()).toEqual([display('clock 2', 'clock'), display('other', 'other'), display('no id'), stdout('text\n')]);
    expect(kinds().at(-1)).toBe('outputs');
  });

  it('update_display_data updates every display sharing the id, again and again', () => {
    const { model, outputs } = setup();
    model.startOutputs('python');
    model.apply(display('v1', 'x'));
    model.apply(display('v1', 'x'));
    model.apply(update('v2', 'x'));
    model.apply(update('v3', 'x'));
    expect(outputs()).toEqual([display('v3', 'x'), display('v3', 'x')]);
  });

  it('update_display_data for an unknown id adds nothing', () => {
    const { model, outputs } = setup();
    model.startOutputs('python');
    model.apply(display('v1', 'x'));
    model.apply(update('v2', 'y'));
    expect(outputs()).toEqual([display('v1', 'x')]);
  });

  it('update_display_data does not consume a waiting clear', () => {
    const { model, outputs } = setup();
    model.startOutputs('python');
    model.apply(display('v1', 'x'));
    model.apply(clear(true));
    model.apply(update('v2', 'x'));
    expect(outputs()).toEqual([display('v2', 'x')]);
    model.apply(stdout('next\n'));
    expect(outputs()).toEqual([stdout('next\n')]);
  });

  it('does not change an output object the caller kept', () => {
    const { model } = setup();
    model.startOutputs('python');
    const shown = display('v1', 'x');
    model.apply(shown);
    model.apply(update('v2', 'x'));
    expect(shown).toEqual(display('v1', 'x'));
  });

  // A bug this test keeps fixed: output goes to `sideFor(this.shown)`, but the cell
  // element sets `model.shown` when the reader switches the page's language after a run's last line
  // (cell-element.ts showLanguage). A TypeScript run's late output (a setInterval still ticking) then
  // lands in the Python side's outputs, and is drawn under the Python code. It should stay with the
  // side that ran, as the doc comment of apply() says.
  it('late output stays on the side that ran after the reader switches language', () => {
    const { model, outputs } = setup();
    model.startOutputs('typescript');
    model.apply(stdout('tick 1\n'));
    // What NotebookCell.showLanguage does once the run's code has ended.
    model.shown = 'python';
    model.apply(stdout('tick 2\n'));
    expect(outputs('typescript')).toEqual([stdout('tick 1\n'), stdout('tick 2\n')]);
    expect(outputs('python')).toBeUndefined();
  });

  it('clearOutputs empties every side, forgets the count and the note, and announces both', () => {
    const { model, kinds, outputs } = setup();
    model.startOutputs('python');
    model.apply(stdout('x\n'));
    model.setRun({ executionCount: 2, note: '12 ms' });
    model.clearOutputs();
    expect(outputs('python')).toEqual([]);
    // Not undefined: after Clear, not even the stored output is shown.
    expect(outputs('typescript')).toEqual([]);
    expect(model.executionCount).toBeUndefined();
    expect(model.note).toBe('');
    expect(kinds().slice(-2)).toEqual(['outputs', 'run']);
  });
});
