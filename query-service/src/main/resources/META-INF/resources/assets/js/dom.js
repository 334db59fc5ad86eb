// DOM helpers shared by the pages. Data only ever goes in as text (textContent, attributes), never as HTML.
import { ago, initials } from './format.js';

export const byId = (id) => document.getElementById(id);

/** An element with a class, text and attributes; children appended as nodes (strings become text). */
export function el(tag, { cls, text, attrs } = {}, ...children) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = String(text);
  if (attrs) for (const [name, value] of Object.entries(attrs)) if (value != null) node.setAttribute(name, String(value));
  node.append(...children.filter((child) => child != null));
  return node;
}

/**
 * JSON from the API, relative to the page's <base>; a 401 means the session ended: to the login page. A read that
 * takes longer than `timeoutMs` fails (and is tried again by the next refresh) rather than leave a panel waiting.
 */
export async function getJson(path, timeoutMs = 10000) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs) });
  if (response.status === 401) {
    window.location.assign('login');
    throw new Error('not signed in');
  }
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

/** Like getJson, but null when the service does not serve `path` (404): a panel of a read model that is not there yet. */
export async function getJsonIfServed(path) {
  try {
    return await getJson(path);
  } catch (failure) {
    if (String(failure.message).endsWith('answered 404')) return null;
    throw failure;
  }
}

/**
 * Reads and shows each panel on its own ([read, show] pairs): a read that fails or times out leaves the other panels
 * showing. Rejects once all are done if any failed, so that the caller tries again.
 */
export async function fillPanels(panels) {
  const results = await Promise.allSettled(panels.map(async ([read, show]) => show(await read())));
  const failures = results.filter((result) => result.status === 'rejected').map((result) => result.reason);
  if (failures.length) throw new AggregateError(failures, `${failures.length} of ${panels.length} panels not loaded`);
}

/** Runs `load` until it succeeds, waiting a little longer after each failure (at most `maxDelayMs`). */
export async function untilLoaded(load, firstDelayMs = 1000, maxDelayMs = 10000) {
  for (let delay = firstDelayMs; ; delay = Math.min(maxDelayMs, delay * 2)) {
    try {
      return await load();
    } catch (failure) {
      console.error('not loaded, trying again', failure);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** A link to a person's page. */
export function personLink(login, label = login, cls = 'person') {
  return el('a', { cls, text: label, attrs: { href: `people/${encodeURIComponent(login)}`, 'data-login': login } });
}

/** A link to a repository's page ("owner/name"); anything else is shown as plain text. */
export function repoLink(repo, cls = 'repo') {
  const parts = String(repo).split('/');
  if (parts.length !== 2) return el('span', { cls, text: repo });
  return el('a', { cls, text: repo, attrs: { href: `repos/${parts.map(encodeURIComponent).join('/')}`, 'data-repo': repo } });
}

/** An avatar: the picture when its host answers, the initials otherwise (offline walls, blocked CDNs). */
export function avatar(name, url, size = 'md') {
  const holder = el('span', { cls: `avatar ${size}`, attrs: { 'aria-hidden': 'true' } });
  const showInitials = () => holder.replaceChildren(initials(name));
  if (url && /^https:\/\//.test(url)) {
    const picture = el('img', { attrs: { alt: '', loading: 'lazy', referrerpolicy: 'no-referrer' } });
    picture.onerror = showInitials;
    picture.src = url;
    holder.append(picture);
  } else {
    showInitials();
  }
  return holder;
}

/** A <time> that says how long ago, kept current by tickTimes. */
export function timeAgo(epochSeconds) {
  const date = new Date(epochSeconds * 1000);
  return el('time', { text: ago(epochSeconds), attrs: { datetime: date.toISOString(), title: date.toLocaleString(), 'data-ts': epochSeconds } });
}

/** Relative times tick: every `everyMs`, each <time data-ts> says its age again. */
export function tickTimes(everyMs = 5000) {
  setInterval(() => {
    const now = Date.now();
    for (const time of document.querySelectorAll('time[data-ts]')) time.textContent = ago(Number(time.dataset.ts), now);
  }, everyMs);
}

/** Lights an element for a moment (restarting the animation if it is already lit). */
export function light(node, cls = 'lit') {
  if (!node) return;
  node.classList.remove(cls);
  void node.offsetWidth; // restart the CSS animation
  node.classList.add(cls);
  setTimeout(() => node.classList.remove(cls), 2600);
}

/** Shows a panel's empty state when it has nothing to list. */
export function fillList(list, items, emptyText) {
  list.replaceChildren(...(items.length ? items : [el('li', { cls: 'empty', text: emptyText })]));
}
