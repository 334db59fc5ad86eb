// A person's page (/people/{login}) and a repository's (/repos/{owner}/{repo}): the same panels as the wall, narrowed
// by the API's dev= and repo= filters, and the stream's items that concern them arriving live.
import { byId, el, getJson, avatar, repoLink, timeAgo, tickTimes, light, fillList } from './js/dom.js';
import { compact, utcDay } from './js/format.js';
import { feedLine, ciRunTile, ciSummary, pullRequestLine } from './js/items.js';
import { followStream, boundedRefresh } from './js/stream.js';
import { calendar, bloomDay, timeChart, daySeries } from './js/charts.js';

const kind = document.body.dataset.page;
// the path after the page's base: people/<login> or repos/<owner>/<name>
const parts = location.pathname.slice(new URL(document.baseURI).pathname.length).split('/').map(decodeURIComponent);
const subject = kind === 'person' ? parts[1] : `${parts[1]}/${parts[2]}`;
const filter = kind === 'person' ? `dev=${encodeURIComponent(subject)}` : `repo=${encodeURIComponent(subject)}`;
const concerns = (event) => (kind === 'person' ? event.dev === subject : event.repo === subject);

let chart = null;
function showActivity(days) {
  calendar(byId('heatmap'), days);
  byId('activity-total').textContent = `· ${compact(days.reduce((sum, day) => sum + day.count, 0))} in the last ${days.length} days`;
  const [xs, ys] = daySeries(days);
  if (chart) chart.update(xs, [{ values: ys }]);
  else chart = timeChart(byId('activity-chart'), xs, [{ label: 'activities', values: ys }], { height: 140 });
}

async function showHead() {
  const head = byId('head');
  if (kind === 'person') {
    const people = await getJson('api/contributors/active');
    const person = people.find((one) => one.login === subject) || { login: subject, name: subject, avatar: null };
    document.title = `OrgPulse · ${person.name}`;
    head.replaceChildren(avatar(person.name, person.avatar, 'xl'),
      el('div', {}, el('h1', { text: person.name }), el('div', { cls: 'sub' }, `@${person.login}`,
        person.last_active ? ' · last active ' : '', person.last_active ? timeAgo(person.last_active) : '')));
  } else {
    document.title = `OrgPulse · ${subject}`;
    head.replaceChildren(el('h1', { text: subject }),
      el('a', { cls: 'sub', text: 'on GitHub ↗', attrs: { href: `https://github.com/${subject}`, rel: 'noopener', target: '_blank' } }));
  }
}

async function refresh() {
  const reads = [getJson(`api/heatmap?${filter}`), getJson(`api/events/recent?limit=50&${filter}`)];
  if (kind === 'person') {
    reads.push(getJson(`api/prs?author=${encodeURIComponent(subject)}&limit=20`),
      getJson(`api/prs?reviewer=${encodeURIComponent(subject)}&limit=20`), getJson(`api/repos/top?limit=10&${filter}`));
  } else {
    reads.push(getJson(`api/prs?limit=20&${filter}`), getJson(`api/ci/runs?limit=40&${filter}`));
  }
  const [days, events, prs, fourth, fifth] = await Promise.all(reads);
  showActivity(days);
  fillList(byId('feed'), events.map((event) => feedLine(event, false)), 'Nothing in the window.');
  fillList(byId('prs'), prs.map(pullRequestLine), 'No pull requests.');
  if (kind === 'person') {
    fillList(byId('reviews'), fourth.map(pullRequestLine), 'No reviews given.');
    const most = Math.max(1, ...fifth.map((repo) => repo.count));
    fillList(byId('repos'), fifth.map((repo) => {
      const bar = el('div', { cls: 'bar' });
      bar.style.width = `${(100 * repo.count) / most}%`;
      return el('li', {}, repoLink(repo.repo), el('span', { cls: 'count', text: repo.count }), bar);
    }), 'No repository activity in the window.');
  } else {
    byId('ci-summary').textContent = ciSummary(fourth);
    fillList(byId('ci-runs'), fourth.map(ciRunTile), 'No CI runs.');
  }
}

async function start() {
  if (!subject || subject.includes('undefined')) throw new Error(`no ${kind} in ${location.pathname}`);
  await Promise.all([showHead(), refresh()]);
  const refreshSoon = boundedRefresh(refresh, 5000);
  window.orgpulse = {
    stream: followStream({
      activity: (event) => {
        if (!concerns(event)) return;
        const feed = byId('feed');
        feed.querySelector('li.empty')?.remove();
        feed.prepend(feedLine(event, true));
        light(bloomDay(byId('heatmap'), utcDay(event.ts)), 'bloom');
        refreshSoon();
      },
      stats: () => {},
      state: (state) => {
        byId('connection').textContent = { live: 'live', reconnecting: 'reconnecting…', disconnected: 'disconnected' }[state];
        byId('connection').className = `connection ${state}`;
      },
    }),
  };
  tickTimes();
  document.body.dataset.ready = 'true';
}

start().catch(console.error);
