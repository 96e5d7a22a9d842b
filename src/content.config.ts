import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

/** Chapters live in content/chapters as NN-slug.mdx; the number orders them, the rest is the URL. */
const chapters = defineCollection({
  loader: glob({ pattern: '[0-9][0-9]-*.mdx', base: './content/chapters' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
  }),
});

export const collections = { chapters };
