/// <reference lib="webworker" />
/**
 * The site's one service worker: keeps what the reader visited for offline use and, for static hosts
 * that cannot send headers, adds the cross-origin isolation headers that let Stop interrupt Python.
 * Bundled with its Workbox modules after the build (src/plugins/service-worker.ts).
 */
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setDefaultHandler } from 'workbox-routing';
import { getOrCreateDefaultRouter } from 'workbox-routing/utils/getOrCreateDefaultRouter.js';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { PYODIDE_CACHE, isPage, isPagefind, isPyodide, isSiteAsset } from './routes.ts';

declare const self: ServiceWorkerGlobalScope;
/** The hashed scripts and styles of this build, filled in by the build. */
declare const __PRECACHE_MANIFEST__: Array<{ url: string; revision: string | null }>;

const isolation: WorkboxPlugin = {
  handlerWillRespond: async ({ response }) => {
    if (response.status === 0 || response.type === 'opaque' || response.type === 'opaqueredirect') return response;
    const headers = new Headers(response.headers);
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  },
};
// Workbox's plugin classes declare optional callbacks as `| undefined`, which strict optional types reject.
const asPlugin = (plugin: object): WorkboxPlugin => plugin as WorkboxPlugin;
const onlyComplete = asPlugin(new CacheableResponsePlugin({ statuses: [200] }));
const expiring = (maxEntries: number) => asPlugin(new ExpirationPlugin({ maxEntries, purgeOnQuotaError: true }));
const scope = new URL(self.registration.scope).pathname;

// A new version waits until no page of the old one is open, so an open page never loses the files it
// still asks for; the first install takes control at once, so the page that installed it is covered.
clientsClaim();
addPlugins([isolation]);
precacheAndRoute(__PRECACHE_MANIFEST__);
cleanupOutdatedCaches();

// Pyodide's files sit under its version's folder and never change: the network only for the first copy.
// This includes standard-library files the worker fetches later, by fetch or synchronous XHR.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && isPyodide(url.pathname, scope),
  new CacheFirst({ cacheName: PYODIDE_CACHE, plugins: [onlyComplete, isolation, expiring(300)] }),
);
// Scripts, styles and the editor that were not precached (too large) are hashed too: cache-first.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && isSiteAsset(url.pathname, scope),
  new CacheFirst({ cacheName: 'site-assets', plugins: [onlyComplete, isolation, expiring(200)] }),
);
// The search index changes with each build but is useful stale: answer from the cache, refresh behind.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && isPagefind(url.pathname, scope),
  new StaleWhileRevalidate({ cacheName: 'pagefind', plugins: [onlyComplete, isolation] }),
);
// Pages: the newest when online, the last copy seen when not (whatever its ?lang=).
registerRoute(
  ({ url, request, sameOrigin }) => sameOrigin && (request.mode === 'navigate' || isPage(url.pathname)),
  new NetworkFirst({ cacheName: 'pages', matchOptions: { ignoreSearch: true }, plugins: [onlyComplete, isolation] }),
);
setDefaultHandler(new NetworkFirst({ cacheName: 'other', plugins: [onlyComplete, isolation] }));

// The page that installed the worker loaded before it took control: it sends its own URL and files
// ({ type: 'CACHE_URLS' }), which go through the routes above into the caches.
getOrCreateDefaultRouter().addCacheListener();
