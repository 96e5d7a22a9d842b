import { LOOP_STEP_EVENT, type LoopStepDetail } from './loop-step.ts';
import { required } from '../lib/required.ts';
import { queueBoxes } from './lanes-view.ts';
import { narrateStep } from './replay-model.ts';
import type { TraceStep } from './trace-step.ts';

/**
 * `<nb-loop-picture>`: chapter 1's picture of the loop, made to show a real queue. Next turn and
 * Previous turn step through the stored run of the cell it follows (the build's real run); once the
 * reader records a run of that cell in its loop view, the picture draws that run's steps instead,
 * at the step the view shows. Turn 0 is the hand-drawn picture.
 */
export class LoopPictureElement extends HTMLElement {
  private steps: readonly TraceStep[] = [];
  /** -1: the hand-drawn picture. */
  private position = -1;
  private live = false;
  private drawn: { queue: Node[]; running: string; desc: string } | undefined;

  connectedCallback(): void {
    const follows = this.dataset['follows'] ?? '';
    this.steps = JSON.parse(this.dataset['steps'] ?? '[]') as TraceStep[];
    const queue = required(this, '.eld-queue');
    this.drawn = { queue: [...queue.childNodes].map((node) => node.cloneNode(true)), running: required(this, '.eld-running').textContent ?? '', desc: required(this, 'desc').textContent ?? '' };
    required<HTMLElement>(this, '.eld-controls').hidden = false;
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-turn]')) {
      button.addEventListener('click', () => {
        const next = button.dataset['turn'] === 'next';
        if (!this.can(next)) return;
        this.position += next ? 1 : -1;
        this.draw();
      });
    }
    document.addEventListener(LOOP_STEP_EVENT, (event) => {
      const detail = (event as CustomEvent<LoopStepDetail>).detail;
      if (detail.cellId !== follows || detail.steps.length === 0) return;
      this.live = true;
      this.steps = detail.steps;
      this.position = detail.position;
      this.draw();
    });
    this.draw();
  }

  private draw(): void {
    const { steps, drawn } = this;
    if (!drawn) return;
    this.position = Math.max(-1, Math.min(steps.length - 1, this.position));
    const step = steps[this.position];
    const queue = required(this, '.eld-queue');
    const status = required(this, '.eld-status');
    if (step === undefined) {
      queue.replaceChildren(...drawn.queue.map((node) => node.cloneNode(true)));
      required(this, '.eld-running').textContent = drawn.running;
      required(this, 'desc').textContent = drawn.desc;
      status.textContent = `Turn 0: the picture as drawn by hand. Next turn steps through ${this.live ? 'your run' : 'a real run'} of the loop further down this page.`;
    } else {
      const boxes = queueBoxes(step.queue).flatMap((label, slot) => this.box(label, slot));
      queue.replaceChildren(...(boxes.length > 0 ? boxes : [this.label('empty', 124)]));
      required(this, '.eld-running').textContent = `ran ${step.task}`;
      const sentence = narrateStep(step, this.position, steps.length);
      required(this, 'desc').textContent = `The loop's queue after a turn of a real run. ${sentence}`;
      status.textContent = `${this.live ? 'Your run' : 'A real run'}, turn ${sentence.slice('Step '.length)}`;
    }
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-turn]')) {
      button.setAttribute('aria-disabled', String(!this.can(button.dataset['turn'] === 'next')));
    }
  }

  /** Whether there is a turn after (or before) the one drawn. */
  private can(next: boolean): boolean {
    return next ? this.position < this.steps.length - 1 : this.position >= 0;
  }

  /** One box of the queue, front on the left, made from the hand-drawn ones (which carry the picture's styles). */
  private box(label: string, slot: number): Node[] {
    const [front, task, text] = ['rect.eld-front', 'rect.eld-task', 'text'].map((selector) => this.template(selector));
    const rect = (slot === 0 ? front : task)!;
    rect.setAttribute('x', String(80 + slot * 96));
    const name = this.label(label, 124 + slot * 96, text!);
    if (label.length > 7) name.setAttribute('font-size', '14');
    if (slot === 0) name.setAttribute('font-weight', '700');
    return [rect, name];
  }

  private label(label: string, x: number, text = this.template('text')): Element {
    text.setAttribute('x', String(x));
    text.removeAttribute('font-weight');
    text.textContent = label;
    return text;
  }

  private template(selector: string): Element {
    const found = this.drawn?.queue.find((node): node is Element => node instanceof Element && node.matches(selector));
    if (!found) throw new Error(`The loop picture has no ${selector}`);
    return found.cloneNode(true) as Element;
  }
}

if (!customElements.get('nb-loop-picture')) customElements.define('nb-loop-picture', LoopPictureElement);
