import { currentLanguage, isLanguage, onLanguageChange, setLanguage } from './language.ts';

/** The page's language switch: a radio group of two buttons. */
export class LanguageSwitchElement extends HTMLElement {
  connectedCallback(): void {
    this.render();
    onLanguageChange(() => this.render());
    this.addEventListener('click', (event) => {
      const language = event.target instanceof HTMLElement ? event.target.closest('button')?.dataset['language'] : undefined;
      if (isLanguage(language)) setLanguage(language);
    });
  }

  private render(): void {
    for (const button of this.querySelectorAll('button')) {
      button.setAttribute('aria-checked', String(button.dataset['language'] === currentLanguage()));
    }
  }
}
