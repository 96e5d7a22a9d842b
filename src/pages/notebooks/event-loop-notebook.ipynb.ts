import type { APIRoute } from 'astro';
import { bookNotebook, serializeNotebook } from '../../export/ipynb.ts';
import { chapterModels } from './_models.ts';

/** The whole book as one Jupyter notebook. */
export const GET: APIRoute = async () =>
  new Response(serializeNotebook(bookNotebook(await chapterModels())), { headers: { 'Content-Type': 'application/x-ipynb+json' } });
