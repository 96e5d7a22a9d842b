import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The ANSI palette is its own stylesheet; this reads it as the browser would and checks that every
// colour a cell can print stays readable, in the light and in the dark scheme.

const styles = new URL('../../../src/styles/', import.meta.url);
const site = readFileSync(new URL('site.css', styles), 'utf8');
const block = readFileSync(new URL('ansi-colours.css', styles), 'utf8');

const NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
const ALL = [...NAMES, ...NAMES.map((name) => `bright-${name}`)];

/** Backgrounds the output sits on: the page's white (and its surface), and dark themes' greys. */
const LIGHT_BACKGROUNDS = ['#ffffff', '#f6f8fa'];
const DARK_BACKGROUNDS = ['#0d1117', '#161b22', '#1e1e1e', '#22272e', '#2d333b'];
/** Text drawn on an ANSI background: the default text and stderr's colour; light text when dark. */
const LIGHT_TEXT = ['#1f2328', '#b42318'];
const DARK_TEXT = ['#e6edf3', '#f0f6fc'];

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

function pair(property: string): { light: string; dark: string } {
  const match = new RegExp(`${property}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(block);
  expect(match, `${property} is defined with light-dark()`).not.toBeNull();
  return { light: match![1]!, dark: match![2]! };
}

const worst = (color: string, others: string[]) => Math.min(...others.map((other) => contrast(color, other)));

describe('the ANSI palette in ansi-colours.css', () => {
  it('is imported last by site.css, after the output it colours', () => {
    const imports = [...site.matchAll(/@import '\.\/([\w-]+\.css)';/g)].map((match) => match[1]);
    expect(imports.at(-1)).toBe('ansi-colours.css');
  });

  it.each(ALL)('%s text keeps 4.5:1 against the output background in both schemes', (name) => {
    const { light, dark } = pair(`--ansi-${name}-fg`);
    expect(worst(light, LIGHT_BACKGROUNDS)).toBeGreaterThanOrEqual(4.5);
    expect(worst(dark, DARK_BACKGROUNDS)).toBeGreaterThanOrEqual(4.5);
    expect(block).toMatch(new RegExp(`\\.ansi-${name}-fg \\{\\s*color: var\\(--ansi-${name}-fg\\);`));
  });

  it.each(ALL)('the default text keeps 4.5:1 on a %s background in both schemes', (name) => {
    const { light, dark } = pair(`--ansi-${name}-bg`);
    expect(worst(light, LIGHT_TEXT)).toBeGreaterThanOrEqual(4.5);
    expect(worst(dark, DARK_TEXT)).toBeGreaterThanOrEqual(4.5);
    expect(block).toMatch(new RegExp(`\\.ansi-${name}-bg \\{\\s*background-color: var\\(--ansi-${name}-bg\\);`));
  });

  it('bold is bold', () => {
    expect(block).toMatch(/\.ansi-bold \{\s*font-weight: bold;/);
  });
});
