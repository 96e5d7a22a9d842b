// The TypeScript language service for TypeScript cells: completions, hover and errors that know the
// declarations of the cells above. Loaded with the first TypeScript editor only.
import { typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';

/**
 * Diagnostics that are wrong for notebook cells: cells may declare a name again (as re-running does),
 * and top-level `await` is fine in a cell that is not a module.
 */
const IGNORED_DIAGNOSTICS = [
  1375, // 'await' expressions are only allowed at the top level of a module
  1378, // top-level 'await' needs a newer target or module
  1208, // cannot be compiled under isolatedModules
  2300, // duplicate identifier
  2393, // duplicate function implementation
  2451, // cannot redeclare block-scoped variable
];

typescriptDefaults.setCompilerOptions({
  target: 99,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  lib: ['es2022', 'dom'],
});
typescriptDefaults.setDiagnosticsOptions({
  noSemanticValidation: false,
  noSyntaxValidation: false,
  diagnosticCodesToIgnore: IGNORED_DIAGNOSTICS,
});

let cellsAbove: { dispose(): void } | undefined;

/** Declares, for the editor being used, what the cells above it define (`loop.` then offers `push_task`). */
export function setCellsAbove(code: string): void {
  cellsAbove?.dispose();
  cellsAbove = typescriptDefaults.addExtraLib(code, 'file:///notebook/cells-above.ts');
}
