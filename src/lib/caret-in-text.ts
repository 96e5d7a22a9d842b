/** A caret position as an editor counts it: 1-based line and column. */
export interface CaretPosition {
  lineNumber: number;
  column: number;
}

/**
 * Where a point of the screen falls in a block of text (the static code a reader clicked before
 * the editor existed). Read from the page's own text layout, so it does not depend on the editor
 * having drawn its lines yet.
 */
export function caretInText(block: HTMLElement, x: number, y: number): CaretPosition | undefined {
  const doc = block.ownerDocument;
  let node: Node | undefined;
  let offset = 0;
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) {
    node = position.offsetNode;
    offset = position.offset;
  } else {
    const range = doc.caretRangeFromPoint?.(x, y);
    if (range) {
      node = range.startContainer;
      offset = range.startOffset;
    }
  }
  if (!node || !block.contains(node)) return undefined;
  const before = doc.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  const lines = before.toString().split('\n');
  return { lineNumber: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
