import { chapterModel } from '../../export/chapter-source.ts';
import type { ChapterModel } from '../../export/chapter.ts';
import { getChapters } from '../../lib/chapters.ts';

/** Every chapter as the exporters see it, in reading order. */
export async function chapterModels(): Promise<ChapterModel[]> {
  const chapters = await getChapters();
  return chapters.map((chapter, i) =>
    chapterModel({ id: chapter.id, body: chapter.body ?? '', title: chapter.data.title, description: chapter.data.description }, i + 1),
  );
}

/** One static path per chapter, with its model. */
export async function chapterPaths() {
  return (await chapterModels()).map((model) => ({ params: { slug: model.slug }, props: { model } }));
}
