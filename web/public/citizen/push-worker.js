/*
 * The citizen app's service worker (scope /citizen/): shows the alerts that arrive by Web Push
 * and opens the message when a notification is clicked. Plain JavaScript in public/ so that it is
 * served as is, from a fixed URL, inside the citizen app's scope (a service worker cannot be a
 * hashed asset). The payload is what src/send/channels/webpush.ts sends:
 * { title, body, url, tag, exercise, unsubscribeUrl? }.
 */
/* global self, clients */

const ICON = '/favicon.svg';

/** Only links to this site are opened: a payload is data from the network, not trusted code. */
function sameOriginUrl(value) {
  try {
    const url = new URL(String(value), self.location.origin);
    return url.origin === self.location.origin ? url.href : `${self.location.origin}/citizen/`;
  } catch {
    return `${self.location.origin}/citizen/`;
  }
}

/** The notification for a payload; an exercise says so in the title, whatever the text. */
function notificationOf(payload) {
  const exercise = payload.exercise === true;
  const rawTitle = typeof payload.title === 'string' && payload.title.trim() !== '' ? payload.title : 'Waakzaam';
  const marked = exercise && !/^(OEFENING|EXERCISE)\b/.test(rawTitle) ? `OEFENING: ${rawTitle}` : rawTitle;
  return {
    title: marked.slice(0, 200),
    options: {
      body: typeof payload.body === 'string' ? payload.body.slice(0, 1000) : '',
      tag: typeof payload.tag === 'string' ? payload.tag : undefined,
      icon: ICON,
      badge: ICON,
      lang: 'nl',
      renotify: typeof payload.tag === 'string',
      data: { url: sameOriginUrl(payload.url ?? '/citizen/'), exercise },
    },
  };
}

self.addEventListener('install', () => {
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('push', (event) => {
  let payload;
  try {
    payload = event.data ? event.data.json() : {};
  } catch {
    payload = { title: 'Waakzaam', body: event.data ? event.data.text() : '' };
  }
  const { title, options } = notificationOf(payload && typeof payload === 'object' ? payload : {});
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || `${self.location.origin}/citizen/`;
  event.waitUntil(
    clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      for (const client of windows) {
        if (client.url === url && 'focus' in client) return client.focus();
      }
      return clients.openWindow(url);
    }),
  );
});
