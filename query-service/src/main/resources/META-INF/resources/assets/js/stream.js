// Follows /api/stream. The browser reconnects by itself (sending Last-Event-ID); when the stream is closed for good
// (the server refused it, the page dropped it) a new EventSource resumes from the last id with ?lastEventId=,
// since an EventSource cannot set headers.
import { getJson } from './dom.js';

const RECONNECT_MS = 3000;

/**
 * @param handlers {activity(event, id), stats(stats), state('live'|'reconnecting'|'disconnected')}
 * @returns {{drop(): void, lastEventId(): string|null}} drop closes the connection as a network failure would
 */
export function followStream(handlers) {
  let source = null;
  let lastEventId = null;
  let reconnect = null;

  const remember = (message) => { if (message.lastEventId) lastEventId = message.lastEventId; };

  function open() {
    source = new EventSource(lastEventId ? `api/stream?lastEventId=${encodeURIComponent(lastEventId)}` : 'api/stream');
    source.onopen = () => handlers.state('live');
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) closed();
      else handlers.state('reconnecting');
    };
    source.addEventListener('activity', (message) => {
      remember(message);
      handlers.activity(JSON.parse(message.data), message.lastEventId);
    });
    source.addEventListener('stats', (message) => {
      remember(message);
      handlers.stats(JSON.parse(message.data));
    });
    // the read models switched to a rebuilt version: the ids and figures of the old one mean nothing any more, so the
    // page reads everything again (a rare event: a rebuild)
    source.addEventListener('reset', () => {
      source.close();
      window.location.reload();
    });
  }

  function closed() {
    source.close();
    handlers.state('disconnected');
    clearTimeout(reconnect);
    // a refused stream may mean the session ended: a JSON read sends the page to the login page if so
    reconnect = setTimeout(() => getJson('api/stats').then(open, () => { reconnect = setTimeout(closed, RECONNECT_MS); }),
      RECONNECT_MS);
  }

  // A page left for another one may be kept (the back/forward cache) with its stream still open: the browser's few
  // connections to this host would then be held by pages nobody sees, and the next page's reads would wait for them.
  // The stream is closed when the page is hidden and resumed from its last id if the page is shown again.
  window.addEventListener('pagehide', () => {
    clearTimeout(reconnect);
    source.close();
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) open();
  });

  open();
  return { drop: closed, lastEventId: () => lastEventId };
}

/** Calls `refresh` at most once per `everyMs` while `request` is called, and never later than `everyMs` after it. */
export function boundedRefresh(refresh, everyMs) {
  let pending = null;
  return function request() {
    if (pending) return; // already due: later requests ride on it instead of pushing it back
    pending = setTimeout(() => {
      pending = null;
      refresh().catch(console.error);
    }, everyMs);
  };
}
