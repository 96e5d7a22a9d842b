import { rovingFocus } from '../lib/roving-focus.ts';
import { isLanguage } from '../lib/languages.ts';
import { getNotebook } from './page-notebook.ts';

/** The page's language switch: a radio group of two buttons; arrow keys move and choose, as WAI-ARIA's radio group does. */
export class LanguageSwitchElement extends HTMLElement {
  connectedCallback(): void {
    const notebook = getNotebook();
    const buttons = () => [...this.querySelectorAll<HTMLButtonElement>('button[role="radio"]')];
    const checked = () => buttons().find((button) => button.dataset['language'] === notebook.language);
    const choose = (button: HTMLElement) => {
      const language = button.dataset['language'];
      if (isLanguage(language)) notebook.setLanguage(language);
    };
    // The checked radio is the group's one tab stop.
    const roving = rovingFocus(this, { items: buttons, current: checked, onMove: choose, vertical: true });
    const render = () => {
      for (const button of buttons()) button.setAttribute('aria-checked', String(button === checked()));
      roving.refresh();
    };
    render();
    notebook.onLanguageChange(render);
    this.addEventListener('click', (event) => {
      const button = event.target instanceof HTMLElement ? event.target.closest('button') : null;
      if (button) choose(button);
    });
  }
}
