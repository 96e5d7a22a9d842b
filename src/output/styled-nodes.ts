import { createAnsiReader, type TextStyle } from './ansi-styles.ts';
import { createTerminalLine } from './terminal-line.ts';

/** The style each span was made with, so the next text of that style joins it. */
const spanStyles = new WeakMap<Node, string>();

function textOf(node: Node): Text | undefined {
  if (node instanceof Text) return node;
  return node.firstChild instanceof Text ? node.firstChild : undefined;
}

/**
 * Adds text at the end of `parent` as DOM nodes, never as markup: plain text joins the last text
 * node, styled text a span with the palette's classes (or an inline colour for 256/true colours).
 */
export function appendStyled(parent: Element, text: string, style: TextStyle | undefined): void {
  if (text === '') return;
  const last = parent.lastChild;
  if (!style) {
    if (last instanceof Text) last.appendData(text);
    else parent.append(document.createTextNode(text));
    return;
  }
  if (last && spanStyles.get(last) === style.key) {
    textOf(last)?.appendData(text);
    return;
  }
  const span = document.createElement('span');
  span.className = style.className;
  if (style.color) span.style.color = style.color;
  if (style.background) span.style.backgroundColor = style.background;
  span.append(document.createTextNode(text));
  spanStyles.set(span, style.key);
  parent.append(span);
}

/**
 * Removes the last `count` characters written by appendStyled. Text nodes stay (emptied), so a
 * block keeps the node its plain text is appended to; spans that empty out go.
 */
export function removeLastCharacters(parent: Element, count: number): void {
  let node = parent.lastChild;
  while (count > 0 && node) {
    const previous = node.previousSibling;
    const text = textOf(node);
    const size = text?.length ?? 0;
    if (size > count) {
      text!.deleteData(size - count, count);
      return;
    }
    count -= size;
    if (node instanceof Text) node.data = '';
    else node.remove();
    node = previous;
  }
}

/**
 * Fills `parent` with a whole text (a traceback, a value's repr) as a terminal shows it: colours,
 * bold, `\r` and `\b` applied. It starts with a text node, so plain text stays one node.
 */
export function fillTerminalText(parent: Element, text: string): void {
  parent.append(document.createTextNode(''));
  const line = createTerminalLine();
  for (const piece of createAnsiReader().push(text)) line.write(piece);
  const { finished, open } = line.take();
  for (const piece of [...finished, ...open]) if ('text' in piece) appendStyled(parent, piece.text, piece.style);
}
