import type { APIRoute } from 'astro';
import { bookTypeScript } from '../../export/typescript-file.ts';
import { chapterModels } from './_models.ts';

/** The whole book's TypeScript cells as one file. */
export const GET: APIRoute = async () =>
  new Response(bookTypeScript(await chapterModels()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
