// The lines every page shows the same way: a feed item, a CI run, a pull request.
import { el, personLink, repoLink, avatar, timeAgo } from './dom.js';
import { duration, epochOf, kindTone, kindWords } from './format.js';

export function feedLine(event, fresh) {
  const line = el('li', { cls: `feed-item tone-${kindTone(event.kind)}${fresh ? ' fresh' : ''}` },
    avatar(event.dev, null, 'sm'),
    el('div', { cls: 'what' },
      el('div', { cls: 'who' }, personLink(event.dev), ' ', el('span', { cls: 'kind', text: kindWords(event.kind) }), ' ',
        repoLink(event.repo)),
      el('div', { cls: 'message', text: event.message })),
    timeAgo(event.ts));
  line.dataset.login = event.dev;
  line.dataset.repo = event.repo;
  return line;
}

export function runTone(run) {
  if (run.status !== 'completed') return 'running';
  if (run.conclusion === 'success') return 'good';
  if (['failure', 'timed_out', 'startup_failure'].includes(run.conclusion)) return 'bad';
  return 'neutral';
}

/** "· 12 green, 2 red, 1 running" of the runs shown. */
export function ciSummary(runs) {
  const count = (tone) => runs.filter((run) => runTone(run) === tone).length;
  if (!runs.length) return '';
  const running = count('running');
  return `· ${count('good')} green, ${count('bad')} red${running ? `, ${running} running` : ''}`;
}

export function ciRunTile(run) {
  const tone = runTone(run);
  const title = el('span', { cls: 'workflow', text: run.workflow });
  // only GitHub's own https links become links
  const link = /^https:\/\//.test(run.url || '') ? el('a', { attrs: { href: run.url, rel: 'noopener', target: '_blank' } }, title) : title;
  return el('li', { cls: `run ${tone}`, attrs: { title: `${run.conclusion || run.status} · ${run.sha || ''}` } },
    el('span', { cls: 'state', text: tone === 'good' ? '✓' : tone === 'bad' ? '✗' : tone === 'running' ? '●' : '–' }),
    el('div', { cls: 'about' }, link, el('div', { cls: 'where' }, repoLink(run.repo), el('span', { cls: 'branch', text: run.branch || '' }))),
    el('div', { cls: 'when' }, run.updated_at ? timeAgo(epochOf(run.updated_at)) : '', el('span', { cls: 'took', text: duration(run.duration_seconds) })));
}

export function pullRequestLine(pr) {
  const reviews = pr.approvals ? `${pr.approvals} ✓` : pr.review_count ? `${pr.review_count} review${pr.review_count > 1 ? 's' : ''}` : 'awaiting review';
  const size = pr.additions == null ? '' : `+${pr.additions} −${pr.deletions}`;
  const state = pr.state === 'open' ? (pr.approvals ? ' approved' : pr.review_count ? '' : ' waiting') : ` ${pr.state}`;
  return el('li', { cls: `pr${pr.draft ? ' draft' : ''}${state}` },
    el('div', { cls: 'title', text: pr.title }),
    el('div', { cls: 'where' }, repoLink(pr.repo), el('span', { cls: 'number', text: `#${pr.number}` }), ' by ', personLink(pr.author)),
    el('div', { cls: 'state' }, el('span', { cls: 'badge', text: pr.state === 'open' ? reviews : pr.state }),
      el('span', { cls: 'size', text: size }), pr.opened_at ? timeAgo(epochOf(pr.opened_at)) : ''));
}
