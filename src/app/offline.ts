import { engineAssetUrls } from '../pipeline/engine-assets';
import { engineCacheName, sharedFileCacheName, sharedFileKey } from './offline-names';

export interface OfflineProgress {
  loaded: number;
  total: number;
}

/** Engine files not yet in the service worker's cache. */
export async function missingEngineAssets(): Promise<string[]> {
  if (!('caches' in self)) return engineAssetUrls();
  const cache = await caches.open(engineCacheName);
  const present = await Promise.all(engineAssetUrls().map(async (url) => [url, await cache.match(url, { ignoreVary: true })] as const));
  return present.filter(([, hit]) => !hit).map(([url]) => url);
}

/** Bytes of the engine files not yet cached, from the server's Content-Length (HEAD requests; the service worker caches GETs only). */
export async function missingEngineBytes(): Promise<number> {
  const sizes = await Promise.all((await missingEngineAssets()).map(async (url) => {
    const response = await fetch(url, { method: 'HEAD' });
    return Number(response.headers.get('Content-Length') ?? 0);
  }));
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * Fetches every engine file through the service worker, which caches it (src/sw.ts), reporting bytes as they arrive
 * out of `total` (missingEngineBytes).
 */
export async function makeAvailableOffline(total: number, onProgress: (p: OfflineProgress) => void, signal?: AbortSignal): Promise<void> {
  const urls = await missingEngineAssets();
  const responses = await Promise.all(urls.map((url) => fetch(url, { signal })));
  let loaded = 0;
  for (const response of responses) {
    if (!response.ok || !response.body) throw new Error(`could not fetch ${response.url} (HTTP ${response.status})`);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      onProgress({ loaded, total });
    }
  }
}

/** The file shared to the installed app (share target), taken out of the cache it waited in. */
export async function takeSharedFile(): Promise<File | undefined> {
  if (!('caches' in self)) return undefined;
  const cache = await caches.open(sharedFileCacheName);
  const response = await cache.match(sharedFileKey);
  if (!response) return undefined;
  await cache.delete(sharedFileKey);
  const name = decodeURIComponent(response.headers.get('X-File-Name') ?? 'shared file');
  return new File([await response.blob()], name, { type: response.headers.get('Content-Type') ?? '' });
}
