declare module 'virtual:monaco-css' {
  /** Monaco's stylesheet text in the build; empty in dev, where Vite injects it. */
  const css: string;
  export default css;
}
