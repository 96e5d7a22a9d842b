/**
 * One tab stop for a group of controls, arrow keys between them (WAI-ARIA's roving tabindex), as in
 * a toolbar or a radio group. `current` is the control that keeps the tab stop when focus leaves.
 */
export interface RovingFocusOptions {
  items(): HTMLElement[];
  /** The control that holds the tab stop; the focused one by default. */
  current?(): HTMLElement | undefined;
  /** Called when an arrow key moved focus to `item` (a radio group checks it). */
  onMove?(item: HTMLElement): void;
  /** Up and Down move too (radio groups); a horizontal toolbar leaves them to the page. */
  vertical?: boolean;
}

const NEXT = new Set(['ArrowRight']);
const PREVIOUS = new Set(['ArrowLeft']);

export function rovingFocus(container: HTMLElement, options: RovingFocusOptions): { refresh(): void } {
  const next = new Set(NEXT);
  const previous = new Set(PREVIOUS);
  if (options.vertical) {
    next.add('ArrowDown');
    previous.add('ArrowUp');
  }

  function refresh(focused?: HTMLElement): void {
    const items = options.items();
    const holder = focused ?? options.current?.() ?? items.find((item) => item.tabIndex === 0) ?? items[0];
    for (const item of items) item.tabIndex = item === holder ? 0 : -1;
  }

  container.addEventListener('keydown', (event) => {
    const items = options.items();
    const from = items.findIndex((item) => item === document.activeElement);
    if (from < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    let to: number;
    if (next.has(event.key)) to = (from + 1) % items.length;
    else if (previous.has(event.key)) to = (from - 1 + items.length) % items.length;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = items.length - 1;
    else return;
    event.preventDefault();
    const item = items[to]!;
    refresh(item);
    item.focus();
    options.onMove?.(item);
  });
  container.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLElement && options.items().includes(event.target)) refresh(event.target);
  });
  refresh();
  return { refresh: () => refresh() };
}
