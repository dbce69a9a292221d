// The survey's service worker: keeps the pages, styles and script it is given so that a survey
// opens again without a network, and owns the outbox of submissions that could not be sent.
// An outbox entry is the exact form body, with its response id, re-sent as it is until the server
// answers: the id makes every re-send after the first a no-op there, so each response is stored once.
'use strict';
var CACHE = 'hailong-survey-2';
var STORE = 'outbox';
var flushing = null;

function db() {
  return new Promise(function (resolve, reject) {
    var open = indexedDB.open('hailong-survey', 1);
    open.onupgradeneeded = function () { open.result.createObjectStore(STORE, { keyPath: 'id' }); };
    open.onsuccess = function () { resolve(open.result); };
    open.onerror = function () { reject(open.error); };
  });
}

function store(mode, work) {
  return db().then(function (database) {
    return new Promise(function (resolve, reject) {
      var tx = database.transaction(STORE, mode);
      var request = work(tx.objectStore(STORE));
      tx.oncomplete = function () { database.close(); resolve(request && request.result); };
      tx.onerror = function () { database.close(); reject(tx.error); };
    });
  });
}

function tell(message) {
  return self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (clients) {
    clients.forEach(function (client) { client.postMessage(message); });
  });
}

// Sends one entry; keeps it when the network fails or the server says to try later (503 with the
// database out of reach, 408, 429, a proxy's 502 or 504), drops it when the server has answered
// for good: stored (201), stored before (200), refused (4xx) or failed (500).
function send(entry) {
  return fetch(entry.url, {
    method: 'POST',
    body: entry.body,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' }
  }).then(function (response) {
    var status = response.status;
    if (status === 408 || status === 429 || status === 502 || status === 503 || status === 504) {
      return false;
    }
    return response.json().catch(function () { return {}; }).then(function (body) {
      return store('readwrite', function (outbox) { return outbox.delete(entry.id); }).then(function () {
        return tell(response.ok ? { type: 'sent', id: entry.id }
          : { type: 'refused', id: entry.id, status: response.status, problem: body });
      });
    }).then(function () { return true; });
  }, function () { return false; });
}

// Sends every entry in turn; resolves to the number left for later.
function flush() {
  if (!flushing) {
    flushing = store('readonly', function (outbox) { return outbox.getAll(); }).then(function (entries) {
      return entries.reduce(function (previous, entry) {
        return previous.then(function (left) {
          return send(entry).then(function (done) {
            return done ? left : tell({ type: 'waiting', id: entry.id }).then(function () { return left + 1; });
          });
        });
      }, Promise.resolve(0));
    }).then(function (left) {
      flushing = null;
      return left;
    }, function (error) {
      flushing = null;
      throw error;
    });
  }
  return flushing;
}

self.addEventListener('install', function () { self.skipWaiting(); });

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('message', function (event) {
  var data = event.data || {};
  var work;
  if (data.type === 'cache') {
    work = caches.open(CACHE).then(function (cache) { return cache.addAll(data.urls); }).then(function () {
      event.source.postMessage({ type: 'cached' });
    });
  }
  else if (data.type === 'queue') {
    work = store('readwrite', function (outbox) {
      return outbox.put({ id: data.id, url: data.url, body: data.body });
    }).then(function () {
      return tell({ type: 'queued', id: data.id });
    }).then(flush);
  }
  else if (data.type === 'flush') {
    work = flush();
  }
  if (work) {
    event.waitUntil(work.catch(function () {}));
  }
});

// Background Sync, where the browser has it: retried by the browser until the outbox is empty.
self.addEventListener('sync', function (event) {
  if (event.tag === 'outbox') {
    event.waitUntil(flush().then(function (left) {
      if (left > 0) {
        throw new Error(left + ' submissions wait for the network');
      }
    }));
  }
});

// Pages: from the network, kept for later; from the cache when the network fails.
// Styles and scripts: their URLs carry a hash of their content, so a kept copy is always right.
self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
      }
      return response;
    }, function () {
      return caches.match(request, { ignoreVary: true }).then(function (kept) { return kept || Response.error(); });
    }));
    return;
  }
  event.respondWith(caches.match(request).then(function (kept) {
    return kept || fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
      }
      return response;
    });
  }));
});
