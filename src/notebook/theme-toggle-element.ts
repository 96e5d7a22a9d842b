import { currentColorScheme, onColorSchemeChange, setColorScheme } from '../lib/color-scheme.ts';

/** A toggle button: pressed means dark. */
export class ThemeToggleElement extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    if (!button) return;
    const render = () => button.setAttribute('aria-pressed', String(currentColorScheme() === 'dark'));
    render();
    onColorSchemeChange(render);
    button.addEventListener('click', () => setColorScheme(currentColorScheme() === 'dark' ? 'light' : 'dark'));
  }
}
