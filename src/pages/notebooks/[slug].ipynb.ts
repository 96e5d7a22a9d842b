import type { APIRoute } from 'astro';
import type { ChapterModel } from '../../export/chapter.ts';
import { chapterNotebook, serializeNotebook } from '../../export/ipynb.ts';
import { chapterPaths } from './_models.ts';

export const getStaticPaths = chapterPaths;

/** The chapter as it is stored: a Jupyter notebook with the stored outputs. */
export const GET: APIRoute<{ model: ChapterModel }> = ({ props }) =>
  new Response(serializeNotebook(chapterNotebook(props.model)), { headers: { 'Content-Type': 'application/x-ipynb+json' } });
