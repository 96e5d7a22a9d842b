import type { APIRoute } from 'astro';
import type { ChapterModel } from '../../export/chapter.ts';
import { chapterPaths } from './_models.ts';

export const getStaticPaths = chapterPaths;

/** The chapter's prose and cells, which the page's Download button fills with the reader's code and outputs. */
export const GET: APIRoute<{ model: ChapterModel }> = ({ props }) => Response.json(props.model);
