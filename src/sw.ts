/// <reference lib="webworker" />
// The service worker: the app shell is precached at install; the large engine files (wasm
// runtimes, models) are cached the first time they are fetched, or all at once when the user asks
// to make the app available offline. Nothing is fetched from anywhere but this origin.
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { engineCacheName, sharedFileCacheName, sharedFileKey } from './app/offline-names';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

/**
 * `vite preview` and many hosts answer with `Vary: Origin`, and module scripts are fetched with an
 * Origin header that the install-time fetch lacks: cached that way, they would never match.
 */
const dropVary = {
  cacheWillUpdate: async ({ response }: { response: Response }) => {
    if (!response.headers.has('Vary')) return response;
    const headers = new Headers(response.headers);
    headers.delete('Vary');
    return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
  },
};

addPlugins([dropVary]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  ({ url, sameOrigin }) => sameOrigin && (url.pathname.includes('/vendor/') || url.pathname.endsWith('.onnx')),
  new CacheFirst({ cacheName: engineCacheName, matchOptions: { ignoreVary: true }, plugins: [dropVary] }),
);

// Share target: the shared file waits in a cache of its own until the page takes (and deletes) it.
registerRoute(
  ({ url, request }) => url.pathname.endsWith('/share-target') && request.method === 'POST',
  async ({ request }) => {
    const form = await request.formData();
    const file = form.getAll('media').find((entry): entry is File => entry instanceof File);
    if (file) {
      const cache = await caches.open(sharedFileCacheName);
      await cache.put(sharedFileKey, new Response(file, {
        headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
      }));
    }
    return Response.redirect(`${self.registration.scope}?shared`, 303);
  },
  'POST',
);

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
