// Why this file exists: the sandbox needs SharedArrayBuffer, so the page must be cross-origin
// isolated, which takes two response headers (Cross-Origin-Opener-Policy: same-origin and
// Cross-Origin-Embedder-Policy: require-corp). `npm start` / vite preview send them; a plain static
// host (GitHub Pages, a bucket) often cannot. This service worker adds them to every response it
// serves for the page, so the page becomes isolated after one reload. index.html registers it only
// when the page is not isolated already (a host that sends the headers never runs it).
// It needs a secure context (https, or http on localhost) like every service worker.
/* global self, fetch, Headers, Response */

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // a Chrome quirk: such requests throw when fetched from a service worker
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(
    fetch(request).then((response) => {
      // opaque responses (cross-origin no-cors) cannot be changed
      if (response.status === 0) return response;
      const headers = new Headers(response.headers);
      headers.set('Cross-Origin-Opener-Policy', 'same-origin');
      headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
      headers.set('Cross-Origin-Resource-Policy', 'same-origin');
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    }),
  );
});
