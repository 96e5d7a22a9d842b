/** The longest line the pane lays out; past it, a line says how many characters it hides. */
export const MAX_LINE_CHARS = 10_000;

/**
 * Shortens lines too long to lay out (one print of a 10 MB string would freeze the page): keeps the
 * first `maxChars` characters of each line and says how many were hidden. Works on a stream that
 * arrives in pieces, so a line may be cut across several calls.
 */
export function createLongLineLimiter(maxChars = MAX_LINE_CHARS) {
  let lineLength = 0;
  let hidden = 0;

  function marker(): string {
    const text = ` … [${hidden.toLocaleString('en')} characters hidden]`;
    hidden = 0;
    return text;
  }

  return {
    /** The part of `text` to show. */
    push(text: string): string {
      let shown = '';
      let start = 0;
      while (start < text.length) {
        const newline = text.indexOf('\n', start);
        const end = newline < 0 ? text.length : newline;
        const room = Math.max(0, maxChars - lineLength);
        const piece = end - start;
        shown += text.slice(start, start + Math.min(room, piece));
        hidden += Math.max(0, piece - room);
        lineLength += piece;
        if (newline < 0) break;
        if (hidden > 0) shown += marker();
        shown += '\n';
        lineLength = 0;
        start = newline + 1;
      }
      return shown;
    },
    /**
     * Counts characters that never reached the limiter as hidden on the current line: the
     * terminal line model keeps only a line's first columns, and says how many it dropped.
     */
    hide(count: number): void {
      hidden += count;
      lineLength += count;
    },
    /** Closes a cut line at the end of a run, so the reader learns what was hidden. */
    end(): string {
      lineLength = 0;
      return hidden > 0 ? marker() : '';
    },
  };
}
