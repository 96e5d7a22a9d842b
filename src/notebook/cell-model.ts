import { assertNever } from '../lib/assert-never.ts';
import type { Output, OutputMessage, PendingWork, TraceStep } from '../kernel/protocol.ts';
import type { Language } from '../lib/languages.ts';

/** One language's side of a cell: its code and what it last printed. */
export interface CellSide {
  readonly language: Language;
  /** The code as the chapter has it. */
  readonly original: string;
  /** The reader's code: the original, an edit, or code from a shared link. */
  code: string;
  fromLink: boolean;
  /** The output stored with the chapter, shown until the reader runs this side. */
  readonly stored: string;
  /** What the last run printed; `undefined` until the reader runs this side. */
  outputs: Output[] | undefined;
}

export type RunPhase = 'idle' | 'waiting' | 'running';

export type CellChange =
  | { kind: 'output'; output: Output }
  /** Outputs were replaced wholesale (a new run, clear_output, update_display_data): redraw. */
  | { kind: 'outputs' }
  | { kind: 'run' }
  /** The run's code has ended: everything it printed goes on screen before the cell says so. */
  | { kind: 'finish' }
  /** A run that records its loop has started (the loop view starts afresh), or its steps arrived. */
  | { kind: 'trace-start' }
  | { kind: 'trace'; steps: readonly TraceStep[] }
  /** One side's code changed: the reader typed, reset it, or an exercise put its solution in. */
  | { kind: 'code'; language: Language; reset?: { replaced: string } };

const NO_WORK: PendingWork = { tasks: 0, timers: 0 };

/**
 * The one truth about a cell: its code per language, its outputs, execution count and run state.
 * The DOM renders it; exporters, checkers and the loop view read it.
 */
export class CellModel {
  readonly sides = new Map<Language, CellSide>();
  executionCount: number | undefined;
  phase: RunPhase = 'idle';
  /** Work the last run left on the event loop. */
  pending: PendingWork = NO_WORK;
  /** The language of the side whose outputs are shown (the last run's, or the page's). */
  shown: Language;
  /** The last run's text status: elapsed time, "not run", "pending work cancelled". */
  note = '';
  /** Whether the next run records its loop's turns: the loop view is open. Tracing costs time. */
  traceRuns = false;
  /** The language of the last run: its late output belongs to that side, whichever is on screen. */
  private ran: Language;
  private clearOnNext = false;
  private readonly listeners = new Set<(change: CellChange) => void>();

  constructor(
    readonly chapter: string,
    readonly id: string,
    readonly index: string,
    sides: CellSide[],
  ) {
    for (const side of sides) this.sides.set(side.language, side);
    this.shown = sides[0]!.language;
    this.ran = this.shown;
  }

  side(language: Language): CellSide | undefined {
    return this.sides.get(language);
  }

  /** The side for `language`; a cell without a twin stays in its first language. */
  sideFor(language: Language): CellSide {
    return this.sides.get(language) ?? this.sides.values().next().value!;
  }

  get hasPendingWork(): boolean {
    return this.pending.tasks + this.pending.timers > 0;
  }

  onChange(listener: (change: CellChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: CellChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** The name a run of this cell gives its code in tracebacks and loop traces: `Cell 3`. */
  get filename(): string {
    return `Cell ${this.index}`;
  }

  setCode(language: Language, code: string): void {
    const side = this.sides.get(language);
    if (side && (side.code !== code || side.fromLink)) this.replaceCode(side, code);
  }

  /** Back to the chapter's code on one side; the change carries the code it replaced, for Undo reset. */
  resetCode(language: Language): void {
    const side = this.sideFor(language);
    this.replaceCode(side, side.original, { replaced: side.code });
  }

  private replaceCode(side: CellSide, code: string, reset?: { replaced: string }): void {
    side.code = code;
    // Code from a link is shown as such and kept only once the reader edits it.
    side.fromLink = false;
    this.emit(reset ? { kind: 'code', language: side.language, reset } : { kind: 'code', language: side.language });
  }

  /** Shows the side for `language` (the page's language changed); a cell without that twin stays as it is. */
  show(language: Language): void {
    const shown = this.sideFor(language).language;
    if (shown === this.shown) return;
    this.shown = shown;
    this.emit({ kind: 'outputs' });
  }

  setRun(next: Partial<Pick<CellModel, 'phase' | 'pending' | 'executionCount' | 'note'>>): void {
    Object.assign(this, next);
    this.emit({ kind: 'run' });
  }

  /** A run of `language` starts: its outputs begin empty (and its loop's steps, if `traced`). */
  startOutputs(language: Language, traced = false): void {
    this.shown = language;
    this.ran = language;
    this.sideFor(language).outputs = [];
    this.clearOnNext = false;
    this.emit({ kind: 'outputs' });
    if (traced) this.emit({ kind: 'trace-start' });
  }

  finishRun(): void {
    this.emit({ kind: 'finish' });
  }

  /** Steps of the running (or last) traced run's loop, for the loop view. */
  addTrace(steps: readonly TraceStep[]): void {
    this.emit({ kind: 'trace', steps });
  }

  /** Applies one of Jupyter's output messages to the side that ran. */
  apply(message: OutputMessage): void {
    const side = this.sideFor(this.ran);
    const outputs = (side.outputs ??= []);
    switch (message.output_type) {
      case 'clear_output':
        if (message.wait) this.clearOnNext = true;
        else this.replaceOutputs(side, []);
        return;
      case 'update_display_data': {
        const id = message.transient.display_id;
        const updated = outputs.map((output) =>
          output.output_type === 'display_data' && output.transient?.display_id === id ? { ...output, data: message.data } : output,
        );
        this.replaceOutputs(side, updated);
        return;
      }
      case 'stream':
      case 'execute_result':
      case 'display_data':
      case 'error':
        if (this.clearOnNext) {
          this.clearOnNext = false;
          this.replaceOutputs(side, [message]);
          return;
        }
        outputs.push(message);
        // The other side on screen is left as it is; this side shows it when it comes back.
        if (this.ran === this.shown) this.emit({ kind: 'output', output: message });
        return;
      default:
        assertNever(message, 'output message');
    }
  }

  private replaceOutputs(side: CellSide, outputs: Output[]): void {
    side.outputs = outputs;
    if (this.ran === this.shown) this.emit({ kind: 'outputs' });
  }

  /** Clear outputs: back to nothing shown (not even the stored output). */
  clearOutputs(): void {
    for (const side of this.sides.values()) side.outputs = [];
    this.executionCount = undefined;
    this.note = '';
    this.emit({ kind: 'outputs' });
    this.emit({ kind: 'run' });
  }
}
