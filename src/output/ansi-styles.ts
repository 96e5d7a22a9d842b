import Anser from 'anser';

/** How a run of text looks: CSS classes for the palette, inline colours only for 256/true colours. */
export interface TextStyle {
  className: string;
  color?: string;
  background?: string;
  /** Equal for equal styles, so neighbouring text of one style shares one element. */
  key: string;
}

/** Printed text with the style the escape sequences before it chose; undefined is the plain style. */
export interface StyledText {
  text: string;
  style: TextStyle | undefined;
}

/** Control sequences (CSI: `ESC [`, parameters, intermediates, a final byte) other than SGR. */
// eslint-disable-next-line no-control-regex
const NOT_SGR = /\x1b\[(?![\d;]*m)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]/g;
/** A sequence cut off at the end of a message; the rest comes in the next one. */
// eslint-disable-next-line no-control-regex
const UNFINISHED = /\x1b(?:\[[\x30-\x3f]*[\x20-\x2f]*)?$/;
/**
 * SGR 10 ("primary font") changes nothing in anser. Put first, it makes anser style the text
 * before the message's first sequence with the state the previous message left (anser leaves
 * that text unstyled), and it keeps text after a sequence anser ignores from losing its style.
 */
const KEEP_STYLE = '\x1b[10m';

/** xterm's 256-colour palette past the 16 named colours: a 6x6x6 cube, then 24 greys. */
function paletteColor(index: number): string {
  if (index >= 232) {
    const level = 8 + (index - 232) * 10;
    return `rgb(${level}, ${level}, ${level})`;
  }
  const cube = index - 16;
  const level = (n: number) => (n === 0 ? 0 : 55 + n * 40);
  return `rgb(${level(Math.floor(cube / 36))}, ${level(Math.floor(cube / 6) % 6)}, ${level(cube % 6)})`;
}

/** One side (fg or bg) of anser's JSON with `use_classes`: a palette class, or a colour to inline. */
function side(name: string | null, truecolor: string | null, suffix: 'fg' | 'bg'): { className?: string; color?: string } {
  if (!name) return {};
  if (name === 'ansi-truecolor') return truecolor ? { color: `rgb(${truecolor})` } : {};
  const palette = /^ansi-palette-(\d+)$/.exec(name);
  if (palette) return { color: paletteColor(Number(palette[1])) };
  return { className: `${name}-${suffix}` };
}

/** Styles already built, by anser's description of them: a coloured flood repeats a few styles. */
const styles = new Map<string, TextStyle>();

function styleOf(entry: Anser.AnserJsonEntry): TextStyle | undefined {
  if (!entry.was_processed) return undefined;
  const id = `${entry.fg}|${entry.bg}|${entry.fg_truecolor}|${entry.bg_truecolor}|${entry.decorations.join(' ')}`;
  let style = styles.get(id);
  if (!style) {
    // True-colour gradients could make this grow without end; start again past a few thousand.
    if (styles.size > 4096) styles.clear();
    style = buildStyle(entry);
    styles.set(id, style);
  }
  return style;
}

function buildStyle(entry: Anser.AnserJsonEntry): TextStyle {
  const fg = side(entry.fg, entry.fg_truecolor, 'fg');
  const bg = side(entry.bg, entry.bg_truecolor, 'bg');
  const classes = [fg.className, bg.className, ...entry.decorations.map((decoration) => `ansi-${decoration}`)];
  const className = ['ansi', ...new Set(classes.filter((name) => name !== undefined))].join(' ');
  const style: TextStyle = { className, key: `${className}|${fg.color ?? ''}|${bg.color ?? ''}` };
  if (fg.color) style.color = fg.color;
  if (bg.color) style.background = bg.color;
  return style;
}

/**
 * Reads one stream's text as it arrives, in pieces: colours and bold from SGR sequences (parsed by
 * anser), carried from one message to the next, and a sequence split across two messages is held
 * back until its end arrives. Other control sequences (cursor moves) are dropped, as JupyterLab
 * does. The result is text and styles, never markup.
 */
export function createAnsiReader() {
  const anser = new Anser();
  let held = '';
  let current: TextStyle | undefined;

  return {
    push(chunk: string): StyledText[] {
      let text = held + chunk;
      held = '';
      if (!text.includes('\x1b')) return text === '' ? [] : [{ text, style: current }];
      const unfinished = UNFINISHED.exec(text);
      if (unfinished) {
        held = unfinished[0];
        text = text.slice(0, unfinished.index);
      }
      const cleaned = text.replace(NOT_SGR, KEEP_STYLE);
      const entries = anser.ansiToJson(KEEP_STYLE + cleaned, { use_classes: true });
      const pieces: StyledText[] = [];
      for (const entry of entries.slice(1)) {
        current = styleOf(entry);
        if (entry.content !== '') pieces.push({ text: entry.content, style: current });
      }
      return pieces;
    },
  };
}
