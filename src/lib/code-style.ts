/**
 * One source for how code looks, shared by the static code shiki renders at build time and by
 * Monaco, so that opening the editor does not move or recolour a single character.
 */
/**
 * Light and dark themes, chosen for contrast: every token colour of both passes WCAG AA (4.5:1) on the
 * theme's own background (github-light's orange #e36209 does not). Static code carries both colours
 * as `light-dark()`, so it follows the page's colour scheme without JavaScript.
 */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
export type CodeScheme = keyof typeof CODE_THEMES;
export const CODE_FONT_FAMILY = "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace";
export const CODE_FONT_SIZE = 14;
export const CODE_LINE_HEIGHT = 20;
export const CODE_PADDING_Y = 12;
export const CODE_PADDING_X = 16;

/** CSS custom properties that carry the same numbers into the stylesheet. */
export const codeStyleVariables = [
  `--code-font: ${CODE_FONT_FAMILY}`,
  `--code-size: ${CODE_FONT_SIZE}px`,
  `--code-line: ${CODE_LINE_HEIGHT}px`,
  `--code-pad-y: ${CODE_PADDING_Y}px`,
  `--code-pad-x: ${CODE_PADDING_X}px`,
].join('; ');
