import { PRIMARY_LANGUAGE } from '../lib/languages.ts';
import { required } from '../lib/required.ts';
import type { CellChange, CellModel } from '../notebook/cell-model.ts';
import type { Notebook } from '../notebook/notebook.ts';
import { renderLanes } from './lanes-view.ts';
import { LOOP_STEP_EVENT, type LoopStepDetail, type LoopViewController } from './loop-step.ts';
import { Playback } from './playback.ts';
import { keepRun, pageOf } from './recorded-runs.ts';
import { narrate, ReplayModel } from './replay-model.ts';
import { StepsTable } from './steps-table.ts';

type Go = 'first' | 'previous' | 'play' | 'next' | 'last';

const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * A cell's loop view: the replay model (src/loop-view/replay-model.ts) drawn as a table of steps,
 * one lane per task, the line being run and a sentence in a status region, with the controls to
 * step through it. It fills from the cell's model while a traced run goes on, and keeps the last
 * recorded run afterwards.
 */
export class LoopView implements LoopViewController {
  private readonly replay = new ReplayModel();
  private readonly table: StepsTable;
  private readonly playback: Playback;
  private readonly buttons: Map<Go, HTMLButtonElement>;
  private readonly slider: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly line: HTMLElement;
  private readonly lanes: HTMLElement;
  private readonly scroller: HTMLElement;
  /** Whether the cell's current run is being recorded. */
  private recording = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly model: CellModel,
    private readonly notebook: Notebook,
  ) {
    this.table = new StepsTable(required(root, '.loop-steps tbody'));
    this.buttons = new Map([...root.querySelectorAll<HTMLButtonElement>('[data-go]')].map((button) => [button.dataset['go'] as Go, button]));
    this.slider = required(root, '.loop-slider input');
    this.status = required(root, '.loop-status');
    this.line = required(root, '.loop-line');
    this.lanes = required(root, '.loop-lanes');
    this.scroller = required(root, '.loop-table');
    this.playback = new Playback(
      () => {
        this.replay.next();
        this.draw();
        return !this.replay.atEnd;
      },
      () => this.draw(),
    );
    for (const [go, button] of this.buttons) {
      // aria-disabled, not disabled: a button that keeps focus at the last step keeps the keyboard where it was.
      button.addEventListener('click', () => this.can(go) && this.go(go));
    }
    this.slider.addEventListener('input', () => this.goTo(Number(this.slider.value) - 1));
    const speed = required<HTMLSelectElement>(root, '.loop-speed select');
    speed.addEventListener('change', () => (this.playback.speed = Number(speed.value)));
    root.addEventListener('keydown', (event) => this.onKeydown(event));
    required(root, '.loop-steps tbody').addEventListener('click', (event) => {
      const row = event.target instanceof Element ? event.target.closest('tr') : null;
      if (row) this.goTo(row.sectionRowIndex);
    });
    model.onChange((change) => this.onCellChange(change));
    this.draw();
  }

  setOpen(open: boolean): void {
    this.model.traceRuns = open;
    if (!open) this.playback.pause();
  }

  private onCellChange(change: CellChange): void {
    if (change.kind === 'trace-start') {
      this.playback.pause();
      this.replay.clear();
      this.table.clear();
      this.recording = true;
    } else if (change.kind === 'trace') {
      this.replay.add(change.steps);
      this.table.sync(this.replay.steps);
    } else if (change.kind === 'run' && this.model.phase === 'idle') {
      // A finished run in the chapters' own language is kept for the tab: chapter 5's side by side draws it.
      if (this.recording && this.model.shown === PRIMARY_LANGUAGE) keepRun(`${pageOf(location.pathname)}/${this.root.dataset['cellId'] ?? ''}`, this.replay.steps);
      this.recording = false;
    } else {
      return;
    }
    this.draw();
  }

  /** Whether a control has something to do at the replay's step (the buttons show it; a click asks it). */
  private can(go: Go): boolean {
    const { replay } = this;
    const count = replay.steps.length;
    if (go === 'play') return count >= 2;
    if (count === 0) return false;
    return go === 'first' || go === 'previous' ? replay.current > 0 : !replay.atEnd;
  }

  private go(go: Go): void {
    if (go === 'play') {
      // Play from the last step starts over, as a video player does.
      if (!this.playback.playing && this.replay.atEnd) this.replay.first();
      this.playback.toggle();
      return;
    }
    this.playback.pause();
    this.replay[go]();
    this.draw();
  }

  private goTo(position: number): void {
    this.playback.pause();
    this.replay.go(position);
    this.draw();
  }

  /** Arrow keys, Home and End step through the replay from any control but the slider and the menu, which have their own. */
  private onKeydown(event: KeyboardEvent): void {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const go = ({ ArrowLeft: 'previous', ArrowRight: 'next', Home: 'first', End: 'last' } as const)[event.key as string];
    if (go === undefined) return;
    event.preventDefault();
    this.go(go);
  }

  private draw(): void {
    const { replay } = this;
    const count = replay.steps.length;
    const position = replay.current;
    this.slider.max = String(Math.max(count, 1));
    this.slider.value = String(position + 1);
    this.slider.disabled = count === 0;
    this.slider.setAttribute('aria-valuetext', count === 0 ? 'no steps' : `${position + 1} of ${count}`);
    for (const [go, button] of this.buttons) button.setAttribute('aria-disabled', String(!this.can(go)));
    this.drawPlay();
    const prefix = this.recording ? 'Recording. ' : '';
    const dropped = replay.dropped > 0 ? ` The first ${replay.dropped.toLocaleString('en-US')} steps were let go to keep memory bounded.` : '';
    this.status.textContent = `${prefix}${narrate(replay)}${dropped}`;
    this.drawLine();
    renderLanes(this.lanes, replay);
    this.keepInSight(this.table.mark(replay.step?.index));
    // A picture that follows this loop (chapter 1's) draws the same step.
    const detail: LoopStepDetail = { cellId: this.root.dataset['cellId'] ?? '', language: this.model.shown, steps: replay.steps, position };
    this.root.dispatchEvent(new CustomEvent(LOOP_STEP_EVENT, { bubbles: true, detail }));
  }

  private drawPlay(): void {
    const play = this.buttons.get('play');
    if (!play) return;
    const playing = this.playback.playing;
    play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    play.setAttribute('aria-disabled', String(!this.can('play')));
    required(play, '.loop-icon').textContent = playing ? '⏸' : '▶';
    required(play, '.loop-button-text').textContent = playing ? 'Pause' : 'Play';
  }

  /** The line of the cell's code the task stands on after the step (in whichever cell defines it). */
  private drawLine(): void {
    const step = this.replay.step;
    const owner = step && this.notebook.cellNamed(step.file);
    const text = owner?.side(this.model.shown)?.code.split('\n')[step!.line - 1]?.trim();
    this.line.hidden = text === undefined || text === '';
    if (this.line.hidden) return;
    const code = document.createElement('code');
    code.textContent = text!;
    this.line.replaceChildren(`${step!.file}, line ${step!.line}: `, code);
  }

  /** Scrolls the table, not the page, so that the current row is in view. */
  private keepInSight(row: HTMLTableRowElement | undefined): void {
    if (!row || this.root.hidden) return;
    const { scroller } = this;
    const top = row.offsetTop;
    const bottom = top + row.offsetHeight;
    const header = scroller.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    if (top - header >= scroller.scrollTop && bottom <= scroller.scrollTop + scroller.clientHeight) return;
    scroller.scrollTo({ top: Math.max(0, top - header), behavior: reducedMotion() ? 'auto' : 'smooth' });
  }
}
