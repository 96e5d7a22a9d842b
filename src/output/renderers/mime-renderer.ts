import type { Output } from '../../kernel/protocol.ts';

/** An output that carries a MIME bundle: the value of a cell's last line, or something it displayed. */
export type RichOutput = Extract<Output, { output_type: 'execute_result' | 'display_data' }>;

/**
 * Renders into the page itself, so it must be harmless whoever wrote the data (a cell from a shared
 * link included): it builds DOM nodes and never parses the data as markup.
 */
export interface SafeRenderer {
  /** The types it renders, richest first. */
  readonly mimeTypes: readonly string[];
  readonly safe: true;
  readonly render: (data: string, output: RichOutput) => HTMLElement;
}

/**
 * Turns the data into a whole document that could run script or reach the page; it returns markup,
 * not nodes, so the only thing the page can do with it is put it in a sandboxed frame.
 */
export interface UnsafeRenderer {
  readonly mimeTypes: readonly string[];
  readonly safe: false;
  readonly render: (data: string, output: RichOutput) => string;
}

export type MimeRenderer = SafeRenderer | UnsafeRenderer;

/** Renderers as data, ranked by their order, as JupyterLab's rendermime and marimo's outputs do. */
export interface MimeTable {
  /** A bundle is shown by the first entry that has one of its types. */
  readonly renderers: readonly MimeRenderer[];
  /**
   * Shows a bundle no entry takes, from its text/plain (which every bundle has, see protocol.ts), as
   * Jupyter does with types it cannot show. It renders anything, so it has to be safe.
   */
  readonly fallback: SafeRenderer;
}
