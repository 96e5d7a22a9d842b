import { withBase } from '../lib/base-url.ts';

/** The parts of Pagefind's browser API that the search box uses (pagefind.js, written by the build). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: { title: string; url: string; excerpt: string; locations: number[] }[];
}
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  debouncedSearch(query: string, options?: object, delayMs?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 8;

let loading: Promise<Pagefind> | undefined;
/** Pagefind's script comes from the site itself, only once the reader starts to search. */
function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ withBase('pagefind/pagefind.js'))) as Pagefind;
    // The index knows paths from the site's root; the site may live under a sub-path.
    await pagefind.options({ baseUrl: withBase('/') });
    return pagefind;
  })();
  return loading;
}

/** Pagefind's excerpt is escaped text with <mark> around the hits: rebuilt as nodes, never as HTML. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(excerpt, 'text/html');
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

/** The heading of the page where the query is found most often; the page itself if it has none. */
function bestTarget(data: PagefindResultData): { url: string; heading: string | undefined; excerpt: string } {
  const best = [...data.sub_results].sort((a, b) => b.locations.length - a.locations.length)[0];
  const onPage = best && best.url !== data.url;
  return { url: best?.url ?? data.url, heading: onPage ? best.title : undefined, excerpt: best?.excerpt ?? data.excerpt };
}

/** A search box over the chapters; each result links to the heading it was found under. */
export class SearchElement extends HTMLElement {
  private input!: HTMLInputElement;
  private list!: HTMLOListElement;
  private status!: HTMLElement;
  /** Only the latest query's results are shown. */
  private generation = 0;

  connectedCallback(): void {
    const input = this.querySelector('input');
    const list = this.querySelector('ol');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!input || !list || !status) return;
    [this.input, this.list, this.status] = [input, list, status];
    this.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search();
    });
    input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
    input.addEventListener('input', () => void this.search());
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || input.value === '') return;
      input.value = '';
      void this.search();
    });
  }

  private async search(): Promise<void> {
    const generation = ++this.generation;
    const query = this.input.value.trim();
    if (query === '') return this.show(generation, [], '');
    try {
      const pagefind = await loadPagefind();
      const search = await pagefind.debouncedSearch(query, {}, 150);
      // null: a newer query superseded this one while it waited.
      if (!search || generation !== this.generation) return;
      const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
      this.show(generation, data, data.length === 0 ? `No results for “${query}”.` : `${data.length} ${data.length === 1 ? 'result' : 'results'}`);
    } catch (error) {
      console.warn('Search is not available', error);
      this.show(generation, [], 'Search is not available here (it is built with the site).');
    }
  }

  private show(generation: number, results: PagefindResultData[], status: string): void {
    if (generation !== this.generation) return;
    this.status.textContent = status;
    this.list.replaceChildren(
      ...results.map((data) => {
        const target = bestTarget(data);
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = target.url;
        link.textContent = target.heading ? `${data.meta.title ?? ''}: ${target.heading}` : (data.meta.title ?? target.url);
        const excerpt = document.createElement('p');
        excerpt.append(...excerptNodes(target.excerpt));
        item.append(link, excerpt);
        return item;
      }),
    );
    this.list.hidden = results.length === 0;
  }
}
