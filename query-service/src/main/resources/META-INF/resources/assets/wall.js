// The wall: loads every panel, then follows the stream. Each activity animates into the feed and lights its person,
// its repository and its day; the panels refresh at most every few seconds however busy the org is.
import { byId, el, getJson, getJsonIfServed, fillPanels, untilLoaded, personLink, repoLink, avatar, timeAgo, tickTimes, light, fillList } from './js/dom.js';
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

// ---- CI runs: the filters' choices from /api/ci/filters, the runs they select from /api/ci/runs ---------------------
const CI_FILTERS = [['ci-repo', 'repo', 'repos'], ['ci-workflow', 'workflow', 'workflows'], ['ci-branch', 'branch', 'branches']];

function ciQuery() {
  const chosen = CI_FILTERS.map(([id, field]) => [field, byId(id).value]).filter(([, value]) => value);
  return new URLSearchParams([['limit', '40'], ...chosen]).toString();
}

async function readCiRuns() {
  return getJson(`api/ci/runs?${ciQuery()}`);
}

function showCiRuns(runs) {
  byId('ci-summary').textContent = ciSummary(runs);
  fillList(byId('ci-runs'), runs.map(ciRunTile), 'No CI runs match.');
}

function fillCiFilters(choices) {
  for (const [id, , listed] of CI_FILTERS) {
    const select = byId(id);
    const chosen = select.value;
    const values = choices[listed] || [];
    select.replaceChildren(el('option', { text: 'all', attrs: { value: '' } }),
      ...values.map((value) => el('option', { text: value, attrs: { value } })));
    select.value = values.includes(chosen) ? chosen : '';
  }
}

// ---- PR velocity, bottlenecks, DORA, spotlights, leaderboard -----------------------------------------------------
let velocityChart = null;
function showVelocity(metrics) {
  const median = (spread) => (spread && spread.p50 != null ? duration(spread.p50) : '–');
  byId('first-review').textContent = median(metrics.time_to_first_review_s);
  byId('to-merge').textContent = median(metrics.time_to_merge_s);
  byId('merged-count').textContent = compact(metrics.merged);
  const weeks = metrics.weeks || [];
  const chart = byId('velocity-chart');
  chart.title = weeks.map((week) => `${week.week}: ${week.opened} opened, ${week.merged} merged`).join('\n');
  const xs = weeks.map((week, i) => i + 1);
  const series = [{ label: 'opened', values: weeks.map((week) => week.opened), bars: true },
    { label: 'merged', values: weeks.map((week) => week.merged) }];
  if (velocityChart) velocityChart.update(xs, series);
  else velocityChart = timeChart(chart, xs, series, { height: 130 });
}

function showBottlenecks(waiting) {
  const words = { first_review: 'waits for a first review', review: 'waits for a review', author: 'waits for its author', merge: 'waits to be merged' };
  fillList(byId('bottlenecks'), waiting.map((pr) => el('li', { cls: `pr bottleneck ${pr.severity}` },
    el('div', { cls: 'title', text: pr.title }),
    el('div', { cls: 'where' }, repoLink(pr.repo), el('span', { cls: 'number', text: `#${pr.number}` }), ' by ', personLink(pr.author)),
    el('div', { cls: 'state' }, el('span', { cls: 'badge', text: pr.severity }), el('span', { text: words[pr.waiting_for] || pr.waiting_for }),
      ' since ', timeAgo(epochOf(pr.since))))), 'Nothing is waiting.');
}

function showDora(dora) {
  const spread = (value) => (value && value.p50 != null ? duration(value.p50) : '–');
  const figures = [
    ['deployments a week', dora.deployment_frequency_per_week == null ? '–' : dora.deployment_frequency_per_week.toFixed(1)],
    ['lead time (median)', spread(dora.lead_time_s)],
    ['change failure rate', dora.change_failure_rate == null ? '–' : `${Math.round(100 * dora.change_failure_rate)} %`],
    ['time to restore (median)', spread(dora.time_to_restore_s)],
  ];
  byId('dora').replaceChildren(...figures.map(([label, value]) => el('div', { cls: 'figure' },
    el('span', { cls: 'value', text: value }), el('span', { cls: 'label', text: label }))));
}

function showSpotlights(spotlights) {
  const lists = [
    ['hot streaks', spotlights.hot_streaks, (one) => `${one.days} day${one.days === 1 ? '' : 's'}`],
    ['fastest reviewers', spotlights.fastest_reviewers, (one) => duration(one.median_first_response_s)],
    ['top commenters', spotlights.top_commenters, (one) => `${one.comments}`],
  ];
  byId('spotlights').replaceChildren(...lists.map(([title, people, figure]) => el('div', { cls: 'spotlight' },
    el('h3', { text: title }),
    people.length ? el('ol', {}, ...people.map((one) => el('li', {}, personLink(one.login), el('span', { cls: 'count', text: figure(one) }))))
      : el('p', { cls: 'empty', text: 'No one yet.' }))));
}

/** The leaderboard panel shows itself once /api/leaderboard is served (points per person, best first). */
function showLeaderboard(board) {
  byId('leaderboard-panel').hidden = board == null;
  if (board == null) return;
  const rows = Array.isArray(board) ? board : board.leaderboard || [];
  const points = (row) => row.points ?? row.score ?? 0;
  const most = Math.max(1, ...rows.map(points));
  fillList(byId('leaderboard'), rows.slice(0, 10).map((row) => {
    const bar = el('div', { cls: 'bar' });
    bar.style.width = `${(100 * points(row)) / most}%`;
    return el('li', {}, personLink(row.login), el('span', { cls: 'count', text: points(row) }), bar);
  }), 'No points yet.');
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
const PANELS = [
  [() => getJson(`api/repos/top?limit=${TOP_REPOS}`), showRepos],
  [() => getJson('api/contributors/active'), showRoster],
  [() => getJson('api/heatmap'), showActivity],
  [() => getJson('api/ci/filters'), fillCiFilters],
  [readCiRuns, showCiRuns],
  [() => getJson('api/prs?state=open&limit=12'), showPullRequests],
  [() => Promise.all([getJson('api/meetings?limit=5'), getJson('api/meetings/attendance?weeks=8')]),
    ([meetings, attendance]) => showMeetings(meetings, attendance)],
  [() => getJson('api/prs/metrics?weeks=12'), showVelocity],
  [() => getJson('api/prs/bottlenecks?limit=8'), showBottlenecks],
  [() => getJson('api/dora?weeks=12'), showDora],
  [() => getJson('api/spotlights'), showSpotlights],
  [() => getJsonIfServed('api/leaderboard'), showLeaderboard],
];

/** Every panel; one whose read fails keeps what it showed and is read again by the next refresh. */
const refreshPanels = () => fillPanels(PANELS);

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
  byId('ci-runs').closest('section').addEventListener('change', () => readCiRuns().then(showCiRuns, console.error));
  const [stats, events] = await Promise.all([getJson('api/stats'), getJson(`api/events/recent?limit=${FEED_MAX}`)]);
  showStats(stats);
  showFeed(events);
  // a panel that cannot load now is read again (the others stay) until every panel shows; the feed and the stats go
  // live regardless
  await untilLoaded(refreshPanels);
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
