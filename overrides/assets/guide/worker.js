// The guide's service worker: hooks/guide/pocket.py writes it at the site's root (its scope, the
// site's folder) after its precache list, `PRECACHE`: this version, and each file's path and
// content hash, shared by every language or by language, PDFs apart. Our own, and short: Workbox's
// precaching needs a bundler or its CDN loader (workbox-sw), which the guide's no-CDN rule forbids.
//
// - Install: the shared files and those of the open pages' languages (and of the languages an older
//   version kept) into this version's own cache, each fetched past the HTTP cache (cache: "reload"),
//   or taken from an older version's cache when its content hash is the same. One file missing fails
//   the install: the old version goes on serving its own complete cache; the next attempt fetches
//   only what the last one could not keep.
// - Fetch: GET requests in the scope only (nothing of another origin). A listed file comes from this
//   version's cache once the language of the page asking for it is all there, and that page is one
//   this version lists; else from the network (the cache when offline), so a page and its files are
//   always of one version. Offline, a
//   page of a language not kept yet is a short page in its language that says so (`OFFLINE`, written
//   before this code by pocket.py), linking the same page in each language kept: not the browser's
//   error; so is any other page of the scope. A page's address typed without its last slash leads
//   to the page. A PDF comes from the network once, then from the downloads cache. Anything else goes to
//   the network.
// - A page tells the worker its language (pocket.js): a language not kept yet is added, unless a
//   newer version is installing or waiting (the network serves its files: it keeps the language).
// - Activate: the first version takes over the open pages at once; a later one waits until a page
//   asks (the new version's button: "skip-waiting") or no page shows the old one. Older versions'
//   caches, and PDFs of older versions, are deleted then.
"use strict";

const SCOPE = self.registration.scope;
const NAME = `networking-guide ${SCOPE} `; // caches of this copy of the guide (another may share the origin)
const CACHE = `${NAME}${PRECACHE.version}`;
const DOWNLOADS = `${NAME}downloads`;
const at = (path) => new URL(path, SCOPE).href;
const listed = (lists) => lists.flat().map(([path, revision]) => [at(path), revision]);
const REVISIONS = new Map(listed([PRECACHE.shared, ...Object.values(PRECACHE.languages)]));
const KEPT = new Map(listed([PRECACHE.downloads]));
// A file's key in a cache: its address and content hash (an older version's file under the same key is the same file).
const key = (href, revisions = REVISIONS) => `${href}?revision=${revisions.get(href)}`;
const filesOf = (lang) => listed([PRECACHE.shared, PRECACHE.languages[lang]]);
// The language a page is in, by its folder (the default language's is the site's root).
const FOLDERS = Object.entries(PRECACHE.prefixes).sort((a, b) => b[1].length - a[1].length);
const languageOf = (href) => FOLDERS.find(([, prefix]) => href.startsWith(SCOPE + prefix))[0];

// A request's address as listed: no query (search results add ?h=…), no fragment, a folder's index.html as the folder.
function listedAddress(url) {
  const address = new URL(url);
  address.search = "";
  address.hash = "";
  return address.href.replace(/\/index\.html$/, "/");
}

let ready = null; // the languages whose every file is in this version's cache
async function readyLanguages() {
  if (!ready) {
    const cached = new Set((await (await caches.open(CACHE)).keys()).map((request) => request.url));
    ready = new Set(Object.keys(PRECACHE.languages).filter((lang) => filesOf(lang).every(([href]) => cached.has(key(href)))));
  }
  return ready;
}

// Puts every file of `entries` this version's cache lacks into it, each as it comes (an install
// cut short by a dropped connection starts again from what it lacks); throws when one cannot be had.
async function fill(entries) {
  const cache = await caches.open(CACHE);
  const cached = new Set((await cache.keys()).map((request) => request.url));
  const missing = [...new Map(entries).keys()].filter((href) => !cached.has(key(href)));
  await Promise.all(
    missing.map(async (href) => {
      const same = await caches.match(key(href)); // kept by an older version, with the same content
      if (same) return cache.put(key(href), same);
      const response = await fetch(new Request(href, { cache: "reload" }));
      if (!response.ok) throw new Error(`${href}: ${response.status}`);
      return cache.put(key(href), response.redirected ? new Response(await response.blob(), response) : response);
    }),
  );
}

const filling = new Map(); // language → its files being added
// A newer version installing or waiting: the files on the network are its, not this version's (it
// keeps the language).
const newer = () => self.registration.installing || self.registration.waiting;
function keep(lang) {
  if (!filling.has(lang)) {
    const adding = readyLanguages()
      .then((langs) => langs.has(lang) || newer() || fill(filesOf(lang)).then(() => langs.add(lang)))
      .finally(() => filling.delete(lang));
    filling.set(lang, adding);
  }
  return filling.get(lang);
}

// The languages to keep at install: those of the open pages, and those an older version kept.
async function wanted() {
  const langs = new Set();
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    if (client.url.startsWith(SCOPE)) langs.add(languageOf(client.url));
  }
  for (const name of await caches.keys()) {
    if (!name.startsWith(NAME) || name === CACHE || name === DOWNLOADS) continue;
    const older = await caches.open(name);
    for (const [lang, prefix] of Object.entries(PRECACHE.prefixes)) {
      if (await older.match(SCOPE + prefix, { ignoreSearch: true })) langs.add(lang);
    }
  }
  return langs;
}

let first = false; // this worker is the site's first: no page shows another version
self.addEventListener("install", (event) => {
  first = !self.registration.active;
  event.waitUntil(
    (async () => {
      const langs = await wanted();
      await fill(listed([PRECACHE.shared, ...[...langs].map((lang) => PRECACHE.languages[lang])]));
      if (first) await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const ours = (await caches.keys()).filter((name) => name.startsWith(NAME) && name !== CACHE && name !== DOWNLOADS);
      await Promise.all(ours.map((name) => caches.delete(name)));
      const downloads = await caches.open(DOWNLOADS);
      const current = new Set([...KEPT.keys()].map((href) => key(href, KEPT)));
      await Promise.all((await downloads.keys()).filter((request) => !current.has(request.url)).map((request) => downloads.delete(request)));
      if (first || !ours.length) await self.clients.claim(); // the first version takes the pages it was installed from
    })(),
  );
});

self.addEventListener("message", (event) => {
  const { type, lang } = event.data || {};
  if (type === "skip-waiting") self.skipWaiting();
  else if (type === "language" && Object.hasOwn(PRECACHE.languages, lang)) event.waitUntil(keep(lang).catch(() => {})); // offline: the next page asks again
});

async function fromCache(href, request) {
  const page = request.mode === "navigate" ? href : request.referrer;
  // a page this version does not list (one a newer version added, the host's not-found page) came
  // from the network: its files too
  const whole = !page?.startsWith(SCOPE) || (REVISIONS.has(listedAddress(page)) && (await readyLanguages()).has(languageOf(page)));
  const cache = await caches.open(CACHE);
  if (whole) {
    const hit = await cache.match(key(href));
    if (hit) return hit;
  }
  try {
    // a page's files asked past the HTTP cache's fresh copies (a host may let browsers keep files a
    // year under the same name): the server says whether they changed
    return await fetch(request.mode === "navigate" ? request : new Request(request, { cache: "no-cache" }));
  } catch (error) {
    const hit = await cache.match(key(href));
    if (hit) return hit;
    throw error;
  }
}

const escaped = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

// Offline, a page this device has not kept: said in its own language, with the same page in each language kept.
async function notKept(href) {
  const lang = languageOf(href);
  const path = href.slice((SCOPE + PRECACHE.prefixes[lang]).length);
  const kept = [...(await readyLanguages())].filter((other) => other !== lang && REVISIONS.has(SCOPE + PRECACHE.prefixes[other] + path));
  const words = OFFLINE[lang];
  const links = kept.map((other) => `<p><a href="${escaped(SCOPE + PRECACHE.prefixes[other] + path)}" lang="${other}">${escaped(OFFLINE[other].other)}</a></p>`);
  const html = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${escaped(words.title)}</title><main><h1>${escaped(words.title)}</h1><p>${escaped(words.text)}</p>${links.join("")}</main>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

async function pageOrNotice(href, request) {
  try {
    return await fromCache(href, request);
  } catch (error) {
    if (request.mode !== "navigate") throw error;
    return notKept(href);
  }
}

async function download(href, request, event) {
  const cache = await caches.open(DOWNLOADS);
  const hit = await cache.match(key(href, KEPT));
  if (hit) return hit;
  const response = await fetch(request);
  if (response.status === 200) event.waitUntil(cache.put(key(href, KEPT), response.clone()));
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return; // not ours: as if there were no worker
  const href = listedAddress(request.url);
  if (REVISIONS.has(href)) event.respondWith(pageOrNotice(href, request));
  else if (KEPT.has(href)) event.respondWith(download(href, request, event));
  else if (request.mode !== "navigate") return;
  else if (REVISIONS.has(`${href}/`)) event.respondWith(Response.redirect(`${href}/`)); // typed without its slash
  else event.respondWith(fetch(request).catch(() => notKept(href))); // offline: said, not the browser's error
});
