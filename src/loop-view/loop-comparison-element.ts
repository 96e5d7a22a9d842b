import { PRIMARY_LANGUAGE } from '../lib/languages.ts';
import { required } from '../lib/required.ts';
import { layoutComparison, type ComparedGroup } from './comparison.ts';
import { LOOP_STEP_EVENT, type LoopStepDetail } from './loop-step.ts';
import { pageOf, recordedRun } from './recorded-runs.ts';
import { toStoredStep } from './stored-trace.ts';

const SVG = 'http://www.w3.org/2000/svg';

interface Group extends ComparedGroup {
  /** The cell whose recorded run replaces the stored steps: `page/cell-id`. */
  run: string;
}

function svg(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, name) as SVGElement;
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function cell(tag: 'td' | 'th', text: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (tag === 'th') element.setAttribute('scope', 'col');
  return element;
}

/**
 * `<nb-loop-comparison>`: chapter 5's side by side. Rendered at build time from the stored runs
 * (components/LoopComparison.astro); on the page, a run of either program the reader recorded in
 * its loop view takes the stored one's place: chapter 4's from this tab's storage, this chapter's
 * live as it records. Drawn with the same layout as the build's (./comparison.ts).
 */
export class LoopComparisonElement extends HTMLElement {
  private groups: Group[] = [];
  private frame = 0;

  connectedCallback(): void {
    const stored = JSON.parse(this.dataset['groups'] ?? '[]') as Group[];
    this.groups = stored.map((group) => {
      const recorded = recordedRun(group.run);
      return recorded ? { ...group, title: `${group.title}, your run`, steps: recorded } : group;
    });
    if (this.groups.some((group, i) => group !== stored[i])) this.draw();
    document.addEventListener(LOOP_STEP_EVENT, (event) => {
      const { cellId, language, steps } = (event as CustomEvent<LoopStepDetail>).detail;
      const at = this.groups.findIndex((group) => group.run === `${pageOf(location.pathname)}/${cellId}`);
      // The stored runs are the chapters' own language's programs: only a run of those takes their place.
      if (at < 0 || language !== PRIMARY_LANGUAGE || steps.length === 0) return;
      const group = stored[at]!;
      this.groups[at] = { ...group, title: `${group.title}, your run`, steps: steps.map(toStoredStep) };
      // A recording sends a step at a time: one drawing per frame.
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.draw());
    });
  }

  private draw(): void {
    const { width, height, ticks, titles, lanes, moments } = layoutComparison(this.groups);
    const picture = required<SVGSVGElement>(this, 'svg');
    picture.setAttribute('viewBox', `0 0 ${width} ${height}`);
    picture.replaceChildren(
      ...ticks.map((tick) => {
        const group = svg('g', { class: 'loop-comparison-tick' });
        group.append(svg('line', { x1: tick.x, x2: tick.x, y1: tick.y1, y2: tick.y2 }), svg('text', { x: tick.x, y: tick.textY, 'text-anchor': 'middle' }, tick.label));
        return group;
      }),
      ...titles.map((title) => svg('text', { class: 'loop-comparison-title', x: 0, y: title.y }, title.text)),
      ...lanes.map((lane) => {
        const group = svg('g', {});
        group.append(svg('text', { class: 'loop-comparison-task', x: 8, y: lane.y }, lane.task));
        for (const bar of lane.bars) group.append(svg('rect', { class: 'loop-comparison-ran', x: bar.x, y: lane.y - 12, width: bar.width, height: 12, rx: 2 }));
        for (const wait of lane.waits) {
          group.append(svg('line', { class: 'loop-comparison-wait', x1: wait.x1, x2: wait.x2, y1: lane.y - 6, y2: lane.y - 6 }));
          if (wait.label !== undefined) group.append(svg('text', { class: 'loop-comparison-label', x: wait.x1 + 8, y: lane.y - 9 }, wait.label));
        }
        return group;
      }),
    );
    const head = document.createElement('tr');
    head.append(cell('th', 'Time'), ...titles.map((title) => cell('th', title.text)));
    required(this, 'thead').replaceChildren(head);
    required(this, 'tbody').replaceChildren(
      ...moments.map((row) => {
        const line = document.createElement('tr');
        line.append(cell('td', row.time), ...row.printed.map((text) => cell('td', text)));
        return line;
      }),
    );
  }
}

if (!customElements.get('nb-loop-comparison')) customElements.define('nb-loop-comparison', LoopComparisonElement);
