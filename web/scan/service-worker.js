// The scanner's service worker, served at /scan-sw.js with its precache list written in front of
// this file (web/serve/service-worker-script.ts): SCAN_PRECACHE names a version (a hash of every
// file listed) and the files' URLs. It serves those files from its cache, so /scan loads with no
// network; it never touches anything else: API calls go to the network as they are, uncached.

const sw = /** @type {ServiceWorkerScope} */ (/** @type {unknown} */ (self));
const PREFIX = 'supplyline-scan-';
const CACHE = `${PREFIX}${SCAN_PRECACHE.version}`;
const precached = new Set(SCAN_PRECACHE.urls);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `no-cache`: every file is checked with the server (its ETag), so none can be a previous
      // deploy's, but a file the page has just loaded is answered "304 Not Modified" and taken from
      // the HTTP cache rather than sent again (about 55 KB on a phone's first visit).
      await cache.addAll(SCAN_PRECACHE.urls.map((url) => new Request(url, { cache: 'no-cache' })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin || !precached.has(url.pathname)) return;
  event.respondWith(
    (async () => {
      const hit = await (await caches.open(CACHE)).match(url.pathname);
      return hit ?? fetch(request);
    })(),
  );
});
