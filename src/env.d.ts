declare module 'virtual:monaco-css' {
  /** Monaco's stylesheet text in the build; empty in dev, where Vite injects it. */
  const css: string;
  export default css;
}

declare module 'monaco-editor/languages/definitions/python/python' {
  import type { languages } from 'monaco-editor/editor';
  /** Monaco's Python language configuration (brackets, comments, indentation after `:`). */
  export const conf: languages.LanguageConfiguration;
}
