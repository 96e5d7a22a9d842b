import { getCollection, type CollectionEntry } from 'astro:content';

export type Chapter = CollectionEntry<'chapters'>;

/** `04-sleep-ping-pong` becomes the URL segment `sleep-ping-pong`. */
export function chapterSlug(chapter: Chapter): string {
  return chapter.id.replace(/^\d+-/, '');
}

/** Chapters in reading order: by the number their file name starts with. */
export async function getChapters(): Promise<Chapter[]> {
  const chapters = await getCollection('chapters');
  return chapters.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}
