import { createPythonKernel, createTypeScriptKernel } from '../kernel/page/client.ts';
import type { Kernel } from '../kernel/page/kernel.ts';
import type { Language } from '../lib/languages.ts';

/**
 * Each language's kernel, registered here, above the table of languages (src/lib/languages.ts),
 * which cannot import the kernel's page side. A language without a kernel does not compile.
 */
export const KERNEL_FACTORIES: Readonly<Record<Language, () => Kernel>> = {
  python: createPythonKernel,
  typescript: createTypeScriptKernel,
};
