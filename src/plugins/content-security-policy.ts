import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * What the site needs, and nothing more. Scripts: the site's own files and the inline scripts each
 * page carries (by hash), plus WebAssembly compilation for Pagefind on the page (Pyodide compiles in
 * its worker, which takes no policy from this tag). Styles may be inline: shiki colours code with
 * style attributes, Monaco adds its own style sheets, and sandboxed rich output brings its CSS.
 * Everything else comes from the site's own origin; plugins and foreign forms are refused.
 */
export function policyFor(inlineScripts: readonly string[]): string {
  const hashes = [...new Set(inlineScripts.map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`))];
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trimEnd(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** The page with its policy as the first thing in <head> (a meta policy only governs what follows it). */
export function withPolicy(html: string): string {
  const scripts = [...html.matchAll(INLINE_SCRIPT)].map((match) => match[1]!).filter((text) => text !== '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(scripts)}">`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length);
  return html.replace(/<head>/i, (head) => head + meta);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Adds a Content-Security-Policy meta tag to every built page, with the hash of each inline script
 * the page has. A meta tag works on any static host; hosts that can send headers may send the same
 * policy as a header (worker scripts then need 'unsafe-eval' for the TypeScript kernel).
 */
export default function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'content-security-policy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        await Promise.all(files.map(async (file) => writeFile(file, withPolicy(await readFile(file, 'utf8')))));
        logger.info(`policy added to ${files.length} pages`);
      },
    },
  };
}
