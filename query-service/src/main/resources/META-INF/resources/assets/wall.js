// The wall: loads every panel, then follows the stream. Each activity animates into the feed and lights its person,
// its repository and its day; the panels refresh at most every few seconds however busy the org is.
import { byId, el, getJson, personLink, repoLink, avatar, timeAgo, tickTimes, light, fillList } from './js/dom.js';
import { compact, duration, epochOf, kindWords, utcDay } from './js/format.js';
import { feedLine, ciRunTile, ciSummary, pullRequestLine } from './js/items.js';
import { followStream, boundedRefresh } from './js/stream.js';
import { calendar, bloomDay, timeChart, daySeries, orgPulse } from './js/charts.js';

const FEED_MAX = 60;
const TOP_REPOS = 10;
const ROSTER_MAX = 24;
const PANEL_REFRESH_MS = 3000;

const seen = new Set(); // feed lines already shown: the first load and the stream may overlap
const lineKey = (event) => `${event.ts}|${event.kind}|${event.dev}|${event.repo}|${event.message}`;

// ---- stats -----------------------------------------------------------------------------------------------------
function showStats(stats) {
  for (const [name, value] of Object.entries(stats)) {
    const tile = byId(`stat-${name}`);
    if (!tile) continue;
    const text = compact(value);
    if (tile.textContent !== text && tile.textContent !== '–') light(byId(`tile-${name}`), 'bump');
    tile.textContent = text;
  }
}

// ---- feed ------------------------------------------------------------------------------------------------------
function showFeed(events) {
  events.forEach((event) => seen.add(lineKey(event)));
  fillList(byId('feed'), events.map((event) => feedLine(event, false)), 'Nothing yet: the feed fills as the org works.');
}

// ---- who is working where ------------------------------------------------------------------------------------------
function rosterEntry(person) {
  const entry = el('li', { cls: 'member', attrs: { 'data-login': person.login } },
    avatar(person.name, person.avatar, 'lg'),
    el('div', { cls: 'about' },
      personLink(person.login, person.name, 'person name'),
      el('div', { cls: 'doing' }, el('span', { cls: 'kind', text: kindWords(person.kind) }), ' ', repoLink(person.repo)),
      el('div', { cls: 'when' }, timeAgo(person.last_active), el('span', { cls: 'count', text: ` · ${person.count}` }))));
  return entry;
}

function showRoster(people) {
  fillList(byId('roster'), people.slice(0, ROSTER_MAX).map(rosterEntry), 'Nobody active in the window yet.');
}

/** Moves the person to the top saying what they just did; a newcomer joins the roster. */
function lightPerson(event) {
  const roster = byId('roster');
  let entry = roster.querySelector(`li.member[data-login="${CSS.escape(event.dev)}"]`);
  if (!entry) {
    roster.querySelector('li.empty')?.remove();
    entry = rosterEntry({ login: event.dev, name: event.dev, avatar: null, kind: event.kind, repo: event.repo,
      last_active: event.ts, count: 1 });
  } else {
    entry.querySelector('.doing').replaceChildren(el('span', { cls: 'kind', text: kindWords(event.kind) }), ' ', repoLink(event.repo));
    entry.querySelector('.when time').replaceWith(timeAgo(event.ts));
  }
  roster.prepend(entry);
  light(entry);
}

// ---- busiest repositories -------------------------------------------------------------------------------------------
function showRepos(repos) {
  const most = Math.max(1, ...repos.map((repo) => repo.count));
  fillList(byId('repos'), repos.map((repo) => {
    const bar = el('div', { cls: 'bar' });
    bar.style.width = `${(100 * repo.count) / most}%`;
    return el('li', { attrs: { 'data-repo': repo.repo } }, repoLink(repo.repo), el('span', { cls: 'count', text: repo.count }), bar);
  }), 'No repository activity in the window yet.');
}

function lightRepo(event) {
  const row = byId('repos').querySelector(`li[data-repo="${CSS.escape(event.repo)}"]`);
  if (!row) return;
  const count = row.querySelector('.count');
  count.textContent = Number(count.textContent) + 1;
  light(row);
}

// ---- activity ----------------------------------------------------------------------------------------------------
let activityChart = null;
function showActivity(days) {
  calendar(byId('heatmap'), days);
  byId('window-hint').textContent = days.length ? `· last ${days.length} days` : '';
  const [xs, ys] = daySeries(days);
  if (activityChart) activityChart.update(xs, [{ values: ys }]);
  else activityChart = timeChart(byId('activity-chart'), xs, [{ label: 'activities', values: ys }], { height: 140 });
}

// ---- CI runs -----------------------------------------------------------------------------------------------------
let ciRuns = [];
const CI_FILTERS = [['ci-repo', 'repo'], ['ci-workflow', 'workflow'], ['ci-branch', 'branch']];

function showCiRuns() {
  const wanted = CI_FILTERS.map(([id, field]) => [field, byId(id).value]);
  const shown = ciRuns.filter((run) => wanted.every(([field, value]) => !value || run[field] === value));
  byId('ci-summary').textContent = ciSummary(shown);
  fillList(byId('ci-runs'), shown.slice(0, 40).map(ciRunTile), 'No CI runs match.');
}

function fillCiFilters() {
  for (const [id, field] of CI_FILTERS) {
    const select = byId(id);
    const chosen = select.value;
    const values = [...new Set(ciRuns.map((run) => run[field]).filter(Boolean))].sort();
    select.replaceChildren(el('option', { text: 'all', attrs: { value: '' } }),
      ...values.map((value) => el('option', { text: value, attrs: { value } })));
    select.value = values.includes(chosen) ? chosen : '';
  }
}

// ---- pull requests -----------------------------------------------------------------------------------------------
function showPullRequests(prs) {
  fillList(byId('prs'), prs.map(pullRequestLine), 'No open pull requests.');
}

// ---- meetings ----------------------------------------------------------------------------------------------------
let attendanceChart = null;
function showMeetings(meetings, attendance) {
  fillList(byId('meetings'), meetings.slice(0, 5).map((meeting) => {
    const live = meeting.ended_at == null;
    const people = meeting.participants.map((participant) => el('span', { cls: `chip${participant.left_at == null && live ? ' here' : ''}`, text: participant.name || 'someone' }));
    return el('li', { cls: `meeting${live ? ' live' : ''}` },
      el('div', { cls: 'head' }, el('span', { cls: 'badge', text: live ? 'now' : duration((meeting.duration_minutes || 0) * 60) }),
        meeting.started_at ? timeAgo(epochOf(meeting.started_at)) : ''),
      el('div', { cls: 'people' }, ...people));
  }), 'No meetings yet.');
  const weeks = [...new Set(attendance.map((row) => row.week))].sort();
  const hours = weeks.map((week) => attendance.filter((row) => row.week === week).reduce((sum, row) => sum + row.minutes, 0) / 60);
  const xs = weeks.map((week, i) => i + 1);
  const chart = byId('attendance-chart');
  chart.title = weeks.map((week, i) => `${week}: ${hours[i].toFixed(1)} h`).join('\n');
  if (attendanceChart) attendanceChart.destroy();
  attendanceChart = weeks.length ? timeChart(chart, xs, [{ label: 'hours', values: hours, bars: true }], { height: 110 }) : null;
  if (!weeks.length) chart.replaceChildren(el('p', { cls: 'empty', text: 'No attendance yet.' }));
}

// ---- loading and following ---------------------------------------------------------------------------------------
async function refreshPanels() {
  const [repos, people, days, runs, prs, meetings, attendance] = await Promise.all([
    getJson(`api/repos/top?limit=${TOP_REPOS}`), getJson('api/contributors/active'), getJson('api/heatmap'),
    getJson('api/ci/runs?limit=100'), getJson('api/prs?state=open&limit=12'), getJson('api/meetings?limit=5'),
    getJson('api/meetings/attendance?weeks=8')]);
  showRepos(repos);
  showRoster(people);
  showActivity(days);
  ciRuns = runs;
  fillCiFilters();
  showCiRuns();
  showPullRequests(prs);
  showMeetings(meetings, attendance);
}

function onActivity(event, pulse) {
  pulse.beat();
  light(byId('pulse-dot'), 'beat');
  const key = lineKey(event);
  if (seen.has(key)) return;
  seen.add(key);
  const feed = byId('feed');
  feed.querySelector('li.empty')?.remove();
  feed.prepend(feedLine(event, true));
  while (feed.children.length > FEED_MAX) feed.lastElementChild.remove();
  lightPerson(event);
  lightRepo(event);
  light(bloomDay(byId('heatmap'), utcDay(event.ts)), 'bloom');
}

function showConnection(state) {
  const connection = byId('connection');
  connection.textContent = { live: 'live', reconnecting: 'reconnecting…', disconnected: 'disconnected' }[state];
  connection.className = `connection ${state}`;
}

function clock() {
  const now = new Date();
  byId('clock').textContent = now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  byId('clock').title = `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

async function start() {
  const pulse = orgPulse(byId('pulse'), byId('pulse-rate'));
  const refreshSoon = boundedRefresh(refreshPanels, PANEL_REFRESH_MS);
  // listen first and hold what arrives until the first load is shown, so nothing falls in between
  const early = [];
  let loaded = false;
  const stream = followStream({
    activity: (event) => (loaded ? onActivity(event, pulse) : early.push(event)),
    stats: (stats) => {
      if (loaded) showStats(stats);
      refreshSoon();
    },
    state: showConnection,
  });
  byId('ci-runs').closest('section').addEventListener('change', showCiRuns);
  const [stats, events] = await Promise.all([getJson('api/stats'), getJson(`api/events/recent?limit=${FEED_MAX}`)]);
  showStats(stats);
  showFeed(events);
  // a panel that cannot load now is tried again shortly; the feed and the stats go live regardless
  await refreshPanels().catch((failure) => {
    console.error('panels not loaded, trying again', failure);
    refreshSoon();
  });
  loaded = true;
  early.forEach((event) => onActivity(event, pulse));
  tickTimes();
  clock();
  setInterval(clock, 10000);
  // for the browser tests and for operators: what the stream resumes from, and a way to drop it as a network would
  window.orgpulse = { stream };
  document.body.dataset.ready = 'true';
}

start().catch(console.error);
