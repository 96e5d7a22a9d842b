/** The element under `root` that its server-rendered markup always has; a missing one is a bug in that markup. */
export function required<T extends Element>(root: Element, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`<${root.localName}> is missing ${selector}`);
  return element;
}
