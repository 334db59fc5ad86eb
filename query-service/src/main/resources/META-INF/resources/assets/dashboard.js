'use strict';
// The OrgPulse dashboard: loads the codewall-shaped JSON once, then follows /api/stream.
(() => {
  const FEED_MAX = 60;
  const TOP_REPOS = 8;
  const PANEL_REFRESH_DELAY_MS = 1500;
  const byId = (id) => document.getElementById(id);

  async function getJson(path) {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      window.location.assign('/login');
      throw new Error('not signed in');
    }
    if (!response.ok) {
      throw new Error(`${path} answered ${response.status}`);
    }
    return response.json();
  }

  function ago(epochSeconds) {
    const seconds = Math.max(0, Math.round(Date.now() / 1000 - epochSeconds));
    if (seconds < 60) return `${seconds}s ago`;
    if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
    if (seconds < 86400) return `${Math.floor(seconds / 3600)}h ago`;
    return `${Math.floor(seconds / 86400)}d ago`;
  }

  function fromTemplate(id) {
    return byId(id).content.firstElementChild.cloneNode(true);
  }

  function showStats(stats) {
    for (const [name, value] of Object.entries(stats)) {
      const tile = byId(`stat-${name}`);
      if (tile) tile.textContent = Number(value).toLocaleString();
    }
  }

  function feedItem(event, fresh) {
    const item = fromTemplate('feed-item');
    const time = item.querySelector('time');
    time.dateTime = new Date(event.ts * 1000).toISOString();
    time.title = new Date(event.ts * 1000).toLocaleString();
    time.textContent = ago(event.ts);
    item.querySelector('.dev').textContent = event.dev;
    item.querySelector('.kind').textContent = event.kind;
    item.querySelector('.repo').textContent = event.repo;
    item.querySelector('.message').textContent = event.message;
    if (fresh) item.classList.add('fresh');
    return item;
  }

  function showFeed(events) {
    byId('feed').replaceChildren(...events.map((event) => feedItem(event, false)));
  }

  function prependActivity(event) {
    const feed = byId('feed');
    feed.prepend(feedItem(event, true));
    while (feed.children.length > FEED_MAX) feed.lastElementChild.remove();
  }

  function showRepos(repos) {
    const most = Math.max(1, ...repos.map((repo) => repo.count));
    byId('repos').replaceChildren(...repos.map((repo) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      const count = document.createElement('span');
      const bar = document.createElement('div');
      name.textContent = repo.repo;
      count.textContent = repo.count;
      count.className = 'count';
      bar.className = 'bar';
      bar.style.width = `${(100 * repo.count) / most}%`;
      item.append(name, count, bar);
      return item;
    }));
  }

  function showContributors(contributors) {
    byId('contributors').replaceChildren(...contributors.map((person) => {
      const item = fromTemplate('contributor');
      const avatar = item.querySelector('.avatar');
      const initial = () => { avatar.replaceChildren(person.name.charAt(0).toUpperCase()); };
      if (person.avatar) {
        const picture = document.createElement('img');
        picture.alt = '';
        picture.loading = 'lazy';
        // an avatar host out of reach (offline wall, blocked CDN) must not leave a broken image
        picture.onerror = initial;
        picture.src = person.avatar;
        avatar.append(picture);
      } else {
        initial();
      }
      item.querySelector('.name').textContent = person.name;
      item.querySelector('.handle').textContent = person.name === person.login ? '' : `@${person.login}`;
      item.querySelector('.doing').textContent = `${person.kind} in ${person.repo} · ${ago(person.last_active)}`;
      item.querySelector('.count').textContent = person.count;
      return item;
    }));
  }

  function showHeatmap(days) {
    const most = Math.max(1, ...days.map((day) => day.count));
    const cells = [];
    // rows are weekdays (Sunday first): pad the first column up to the window's first day
    const firstWeekday = days.length ? new Date(`${days[0].date}T00:00:00Z`).getUTCDay() : 0;
    for (let i = 0; i < firstWeekday; i++) {
      const pad = document.createElement('span');
      pad.style.visibility = 'hidden';
      cells.push(pad);
    }
    for (const day of days) {
      const cell = document.createElement('span');
      const level = day.count === 0 ? 0 : Math.min(4, Math.ceil((4 * day.count) / most));
      if (level) cell.className = `l${level}`;
      cell.title = `${day.date}: ${day.count}`;
      cells.push(cell);
    }
    byId('heatmap').replaceChildren(...cells);
  }

  async function refreshPanels() {
    const [repos, contributors, heatmap] = await Promise.all([
      getJson(`/api/repos/top?limit=${TOP_REPOS}`), getJson('/api/contributors/active'), getJson('/api/heatmap')]);
    showRepos(repos);
    showContributors(contributors);
    showHeatmap(heatmap);
  }

  let panelRefresh = null;
  function schedulePanelRefresh() {
    clearTimeout(panelRefresh);
    panelRefresh = setTimeout(() => refreshPanels().catch(console.error), PANEL_REFRESH_DELAY_MS);
  }

  function follow() {
    const connection = byId('connection');
    const source = new EventSource('/api/stream');
    source.onopen = () => {
      connection.textContent = 'live';
      connection.classList.add('live');
    };
    source.onerror = () => {
      connection.textContent = source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…';
      connection.classList.remove('live');
      // a closed stream may mean the session expired: a JSON read sends us to the login page if so
      if (source.readyState === EventSource.CLOSED) getJson('/api/stats').then(() => setTimeout(follow, 5000), console.error);
    };
    source.addEventListener('activity', (message) => prependActivity(JSON.parse(message.data)));
    source.addEventListener('stats', (message) => {
      showStats(JSON.parse(message.data));
      schedulePanelRefresh();
    });
  }

  async function start() {
    const [stats, events] = await Promise.all([getJson('/api/stats'), getJson('/api/events/recent?limit=' + FEED_MAX)]);
    showStats(stats);
    showFeed(events);
    await refreshPanels();
    follow();
  }

  start().catch(console.error);
})();
