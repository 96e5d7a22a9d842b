import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export const PRECOMPRESSED_SUFFIXES = ['.br', '.gz'] as const;
type Suffix = (typeof PRECOMPRESSED_SUFFIXES)[number];

export interface Precompressed {
  raw: number;
  gz: number;
  br: number;
  paths: Record<Suffix, string>;
}

const compress: Record<Suffix, (data: Buffer) => Promise<Buffer>> = {
  // Brotli at its best quality: slow (a minute for the wasm), so done once per file content and kept.
  '.br': (data) =>
    promisify(brotliCompress)(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
  '.gz': (data) => promisify(gzip)(data, { level: 9 }),
};

/**
 * `.br` and `.gz` copies of a file, made once per content (cached under `cacheDir`), for hosts
 * that serve precompressed files (nginx `gzip_static`/`brotli_static`, and the bench's server).
 */
export async function precompressed(file: string, cacheDir: string): Promise<Precompressed> {
  const data = await readFile(file);
  const key = `${basename(file)}-${createHash('sha256').update(data).digest('hex').slice(0, 16)}`;
  await mkdir(cacheDir, { recursive: true });
  const paths = {} as Record<Suffix, string>;
  const sizes = {} as Record<Suffix, number>;
  for (const suffix of PRECOMPRESSED_SUFFIXES) {
    const path = join(cacheDir, key + suffix);
    if (!existsSync(path)) {
      const partial = `${path}.partial-${process.pid}`;
      await writeFile(partial, await compress[suffix](data));
      await rename(partial, path);
    }
    paths[suffix] = path;
    sizes[suffix] = (await stat(path)).size;
  }
  return { raw: data.length, gz: sizes['.gz'], br: sizes['.br'], paths };
}
