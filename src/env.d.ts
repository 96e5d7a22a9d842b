interface ImportMetaEnv {
  /** The base the site is built for ("/" or a sub-path), set by astro.config.mjs. */
  readonly PUBLIC_SITE_BASE?: string;
}

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
