// spinewise service worker: the app opens and the guided session works without a network.
// Served at /sw.js so that it controls the whole site. What it does:
// - static files (styles, scripts, icons): from the cache, fetched once and kept;
// - pages: from the network, the guided session and today's page also kept in the cache, and
//   shown from there when the network is gone;
// - anything but GET (a logged set, a log-in) and every /api/ address: never touched or kept;
// - logging out: app.js deletes the kept pages (they show that person's sessions).
// A set logged while offline is kept by app.js on the phone and sent when back online.
"use strict";

const VERSION = "v1";
const STATIC_CACHE = "spinewise-static-" + VERSION;
const PAGE_CACHE = "spinewise-pages-" + VERSION;
const STATIC_FILES = [
  "/static/app.css",
  "/static/app.js",
  "/static/vendor/htmx-2.0.11.min.js",
  "/static/favicon.svg",
  "/static/icon.svg",
  "/static/icon-192.png",
  "/static/icon-512.png",
  "/manifest.webmanifest",
];
// Pages kept for use offline: the guided session (with or without swaps) and today's page.
const KEPT_PAGES = [/^\/sessions\/\d+\/guide$/, /^\/today$/];

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(STATIC_CACHE)
      .then(function (cache) { return cache.addAll(STATIC_FILES); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.startsWith("spinewise-") && name !== STATIC_CACHE && name !== PAGE_CACHE;
        }).map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

function kept(url) {
  return KEPT_PAGES.some(function (pattern) { return pattern.test(url.pathname); });
}

// Network first; a good answer of a kept page replaces the copy; no network: the copy.
function pageFromNetwork(request, url) {
  return fetch(request).then(function (response) {
    if (kept(url) && response.ok && !response.redirected && response.type === "basic") {
      const copy = response.clone();
      caches.open(PAGE_CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.open(PAGE_CACHE).then(function (cache) {
      return cache.match(request).then(function (found) {
        return found || cache.match(request, { ignoreSearch: true });
      });
    }).then(function (found) {
      return found || new Response(
        "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>" +
        "<title>Offline · spinewise</title><h1>You are offline</h1>" +
        "<p>This page was not kept on this phone. A guided session you opened is kept: open it again " +
        "from the same address. Sets you log offline are sent when you are back online.</p>",
        { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } }
      );
    });
  });
}

// Cache first for static files (their names change with their version, e.g. htmx).
function staticFile(request) {
  return caches.open(STATIC_CACHE).then(function (cache) {
    return cache.match(request).then(function (found) {
      if (found) return found;
      return fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  if (request.method !== "GET") return; // writes go to the server as they are, never kept
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (url.pathname.startsWith("/static/") || url.pathname === "/manifest.webmanifest") {
    event.respondWith(staticFile(request));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(pageFromNetwork(request, url));
  }
});

// app.js asks to keep the page it shows when that page was loaded before this worker was in
// charge (the first visit): it is fetched again and kept, so it opens offline next time.
self.addEventListener("message", function (event) {
  const wanted = event.data && typeof event.data.keep === "string" ? event.data.keep : null;
  if (!wanted) return;
  const url = new URL(wanted, self.location.origin);
  if (url.origin !== self.location.origin || !kept(url)) return;
  event.waitUntil(
    fetch(url.href, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok || response.redirected) return null;
      return caches.open(PAGE_CACHE).then(function (cache) { return cache.put(url.href, response); });
    }).catch(function () { return null; })
  );
});
