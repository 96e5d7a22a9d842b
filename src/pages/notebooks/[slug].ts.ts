import type { APIRoute } from 'astro';
import type { ChapterModel } from '../../export/chapter.ts';
import { chapterTypeScript } from '../../export/typescript-file.ts';
import { chapterPaths } from './_models.ts';

export const getStaticPaths = chapterPaths;

/** The chapter's TypeScript cells as one file that runs under Deno or Node. */
export const GET: APIRoute<{ model: ChapterModel }> = ({ props }) =>
  new Response(chapterTypeScript(props.model), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
