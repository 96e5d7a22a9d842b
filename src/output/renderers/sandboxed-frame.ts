/**
 * A document from a cell in an iframe sandboxed with no permissions at all: no scripts, no forms,
 * and an opaque origin that cannot reach the page, its storage or its kernel.
 */
export function sandboxedFrame(document_: string, title: string): HTMLElement {
  const frame = document.createElement('iframe');
  frame.className = 'output-display-frame';
  frame.setAttribute('sandbox', '');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.title = title;
  frame.srcdoc = document_;
  const wrapper = document.createElement('span');
  wrapper.className = 'output-display';
  wrapper.append(frame);
  return wrapper;
}
