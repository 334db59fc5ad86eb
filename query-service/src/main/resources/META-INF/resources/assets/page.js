// A person's page (/people/{login}) and a repository's (/repos/{owner}/{repo}): the same panels as the wall, narrowed
// by the API's dev= and repo= filters, and the stream's items that concern them arriving live.
import { byId, el, getJson, getJsonIfServed, fillPanels, untilLoaded, avatar, repoLink, timeAgo, tickTimes, light, fillList } from './js/dom.js';
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

function bars(list, rows, emptyText) {
  const most = Math.max(1, ...rows.map((row) => row.count));
  fillList(list, rows.map((row) => {
    const bar = el('div', { cls: 'bar' });
    bar.style.width = `${(100 * row.count) / most}%`;
    return el('li', {}, row.label, el('span', { cls: 'count', text: row.count }), bar);
  }), emptyText);
}

// ---- repositories or languages: the person's breakdown, languages when /api/people/{login}/activity has any ----
let breakdown = 'repos';
let topRepos = [];
let activity = null; // {days: {date: {repos, languages}}, language_days: {language: [dates]}}; null where not served

function showBreakdown() {
  const languages = activity && Object.keys(activity.language_days || {}).length > 0;
  byId('breakdown-toggle').hidden = !languages;
  if (!languages) breakdown = 'repos';
  for (const button of byId('breakdown-toggle').querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(button.dataset.show === breakdown));
  }
  byId('repos-title-text').textContent = breakdown === 'repos' ? 'Repositories' : 'Languages';
  if (breakdown === 'repos') {
    bars(byId('repos'), topRepos.map((repo) => ({ label: repoLink(repo.repo), count: repo.count })),
      'No repository activity in the window.');
  } else {
    const rows = Object.entries(activity.language_days).map(([language, dates]) => ({ label: el('span', { text: language }), count: dates.length }));
    bars(byId('repos'), rows.sort((a, b) => b.count - a.count), 'No languages in the window.');
  }
  // each day of the calendar says what it was spent on, in the breakdown shown
  for (const cell of byId('heatmap').querySelectorAll('span[data-date]')) {
    const day = activity?.days?.[cell.dataset.date];
    const spentOn = day ? (breakdown === 'repos' ? day.repos : day.languages) || [] : [];
    cell.title = `${cell.dataset.date}: ${cell.dataset.count}${spentOn.length ? ` · ${spentOn.join(', ')}` : ''}`;
  }
}

function panels() {
  const common = [
    [() => getJson(`api/heatmap?${filter}`), showActivity],
    [() => getJson(`api/events/recent?limit=50&${filter}`),
      (events) => fillList(byId('feed'), events.map((event) => feedLine(event, false)), 'Nothing in the window.')],
  ];
  if (kind === 'person') {
    const login = encodeURIComponent(subject);
    return [...common,
      [() => getJson(`api/prs?author=${login}&limit=20`), (prs) => fillList(byId('prs'), prs.map(pullRequestLine), 'No pull requests.')],
      [() => getJson(`api/prs?reviewer=${login}&limit=20`), (prs) => fillList(byId('reviews'), prs.map(pullRequestLine), 'No reviews given.')],
      [() => Promise.all([getJson(`api/repos/top?limit=10&${filter}`), getJsonIfServed(`api/people/${login}/activity`)]),
        ([repos, served]) => {
          topRepos = repos;
          activity = served?.activity ?? null;
          showBreakdown();
        }]];
  }
  return [...common,
    [() => getJson(`api/prs?limit=20&${filter}`), (prs) => fillList(byId('prs'), prs.map(pullRequestLine), 'No pull requests.')],
    [() => getJson(`api/ci/runs?limit=40&${filter}`), (runs) => {
      byId('ci-summary').textContent = ciSummary(runs);
      fillList(byId('ci-runs'), runs.map(ciRunTile), 'No CI runs.');
    }]];
}

const refresh = () => fillPanels(panels());

async function start() {
  if (!subject || subject.includes('undefined')) throw new Error(`no ${kind} in ${location.pathname}`);
  const refreshSoon = boundedRefresh(refresh, 5000);
  byId('breakdown-toggle').addEventListener('click', (click) => {
    const chosen = click.target.closest('button')?.dataset.show;
    if (chosen) {
      breakdown = chosen;
      showBreakdown();
    }
  });
  // follow the stream at once; a panel whose read fails is read again (and the others stay) until all are shown
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
  await Promise.all([untilLoaded(showHead), untilLoaded(refresh)]);
  document.body.dataset.ready = 'true';
}

start().catch(console.error);
