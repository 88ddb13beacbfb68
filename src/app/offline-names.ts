/** Cache names shared by the service worker and the page. */
export const engineCacheName = 'mikiwame-engine';
export const sharedFileCacheName = 'mikiwame-shared-file';
export const sharedFileKey = '/__shared-file';
