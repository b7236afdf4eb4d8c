// The site's service worker, made by markata-java {{ __version__ }} (markata.plugins.service_worker).
// Its cache is named after the site's version: a build that changes the site changes this file,
// the browser installs the new worker, and it deletes the caches of the versions before it.
const CACHE = "markata-{{ output_dirhash }}";

// Stored as soon as the worker is installed ([markata.service_worker] precache_urls).
const PRECACHE_URLS = {{ precache_urls|tojson }};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE_URLS))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
  );
});

// Pages and files of this site: from the cache when it has them, else from the network, and kept
// for the next visit (offline too). Other sites' requests, anything but GET, and requests that
// ask for no cache at all (fetch(url, {cache: "no-store"}), as `markata serve --watch` asks
// whether the site was built again) go to the network.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || request.cache === "no-store" || !request.url.startsWith(self.location.origin)) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request).then((cached) => cached || fetch(request).then((response) => {
        if (response.ok && response.type === "basic") {
          cache.put(request, response.clone());
        }
        return response;
      }))
    )
  );
});
