/**
 * The house's layers (see README "Map of the tree"), checked in `npm test`
 * (test/unit/layers.test.ts). Imports flow one way: pages and layouts, then components, then the
 * features (loop view, exercises, export), then src/notebook, then src/output and src/editor, then
 * the kernel's page side, then src/lib. Beside that stack, the build plugins run at build time and
 * import no page code, and the service worker and the kernel workers import only what they share
 * with the page: the protocol and src/lib (the worker side also has its own folders).
 */
const FEATURES = '^src/(loop-view|exercises|export)/';
const ABOVE_NOTEBOOK = '^src/(pages|layouts|loop-view|exercises|export)/';
/** What every side may share: the bottom of the tree and the one message schema. */
const SHARED = ['^src/lib/', '^src/kernel/protocol[.]ts$'];
/** Plain data about Pyodide's files and the kernel's Python package, read by the page, the worker and the build. */
const PYTHON_FACTS = ['^src/kernel/python/pyodide-paths[.]ts$', '^src/kernel/python/modules[.]ts$'];
const WORKER_SIDE = '^src/kernel/(worker|python|typescript)/';
/** How a TypeScript cell is read (types stripped, the names it declares): the kernel runs it, the .ts export names them. */
const TYPESCRIPT_READER = '^src/kernel/typescript/prepare-cell[.]ts$';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A cycle has no bottom: split what both files need into a third.', from: {}, to: { circular: true } },
    {
      name: 'lib-is-the-bottom',
      severity: 'error',
      comment: 'src/lib imports nothing of the project but itself.',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'protocol-above-lib-only',
      severity: 'error',
      from: { path: '^src/kernel/protocol[.]ts$' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'kernel-page-side-below-the-page',
      severity: 'error',
      comment: 'The kernel client knows the protocol and src/lib; the workers it starts are separate bundles.',
      from: { path: '^src/kernel/page/' },
      to: { path: '^src/', pathNot: [...SHARED, '^src/kernel/page/'] },
    },
    {
      name: 'worker-side-shares-only-protocol-and-lib',
      severity: 'error',
      comment: 'The workers and their sessions run off the page: nothing of the page side reaches them.',
      from: { path: WORKER_SIDE },
      to: { path: '^src/', pathNot: [...SHARED, WORKER_SIDE] },
    },
    {
      name: 'output-and-editor-below-the-notebook',
      severity: 'error',
      from: { path: '^src/(output|editor)/' },
      to: { path: '^src/', pathNot: [...SHARED, '^src/output/', '^src/editor/'] },
    },
    {
      name: 'notebook-below-the-features',
      severity: 'error',
      from: { path: '^src/notebook/' },
      to: { path: '^src/', pathNot: [...SHARED, ...PYTHON_FACTS, '^src/notebook/', '^src/output/', '^src/editor/', '^src/kernel/page/'] },
    },
    {
      name: 'features-below-pages',
      severity: 'error',
      from: { path: FEATURES },
      to: { path: '^src/', pathNot: [...SHARED, '^src/notebook/', '^src/output/', '^src/editor/', '^src/kernel/page/', FEATURES, TYPESCRIPT_READER] },
    },
    {
      name: 'nothing-imports-pages-or-layouts',
      severity: 'error',
      from: { pathNot: '^src/(pages|layouts)/' },
      to: { path: '^src/(pages|layouts)/' },
    },
    {
      name: 'plugins-import-no-page-code',
      severity: 'error',
      comment: 'Build plugins run in Node at build time: they may read src/lib and facts about the Python package, nothing the page runs.',
      from: { path: '^src/plugins/' },
      to: { path: '^src/', pathNot: ['^src/lib/', '^src/plugins/', ...PYTHON_FACTS] },
    },
    {
      name: 'service-worker-shares-only-protocol-and-lib',
      severity: 'error',
      from: { path: '^src/service-worker/' },
      to: { path: '^src/', pathNot: [...SHARED, '^src/service-worker/'] },
    },
    {
      name: 'the-page-never-imports-the-worker-side',
      severity: 'error',
      comment: 'A worker is started by URL (new Worker(new URL(...))), never imported into the page.',
      from: { path: ABOVE_NOTEBOOK },
      to: { path: WORKER_SIDE, pathNot: [...PYTHON_FACTS, TYPESCRIPT_READER] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^dist', '^test/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js'] },
  },
};
