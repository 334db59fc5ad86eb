// Pure formatting: no DOM, no clock of its own (the caller passes "now"), so every rule is plain to test.

/** "12s ago", "5m ago", "3h ago", "2d ago". */
export function ago(epochSeconds, nowMs = Date.now()) {
  const seconds = Math.max(0, Math.round(nowMs / 1000 - epochSeconds));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86400)}d ago`;
}

/** ISO-8601 (the non-codewall endpoints) to epoch seconds; null stays null. */
export function epochOf(iso) {
  return iso == null ? null : Math.floor(Date.parse(iso) / 1000);
}

/** "45s", "12m", "1h 05m". */
export function duration(seconds) {
  if (seconds == null) return '';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** Up to two letters for an avatar: "Ada Lovelace" → "AL", "octocat" → "O". */
export function initials(name) {
  const words = String(name || '?').replace(/\[bot\]$/, '').split(/[\s._-]+/).filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[1][0] : (words[0] || '?')[0]).toUpperCase();
}

/** The UTC day (YYYY-MM-DD) of an epoch second: the heatmap's cells are UTC days. */
export function utcDay(epochSeconds) {
  return new Date(epochSeconds * 1000).toISOString().slice(0, 10);
}

/** 1234567 → "1.2M", 12345 → "12.3k", 999 → "999". */
export function compact(value) {
  const n = Number(value);
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return n.toLocaleString('en');
}

/** The feed kinds in words. */
const KIND_WORDS = {
  commit: 'committed', opened: 'opened PR', merged: 'merged PR', closed: 'closed PR', reopened: 'reopened PR',
  review: 'reviewed', review_comment: 'commented on review', comment: 'commented', issue_opened: 'opened issue',
  issue_closed: 'closed issue', issue_reopened: 'reopened issue', release: 'released', branch_created: 'created branch',
  branch_deleted: 'deleted branch', tag_created: 'tagged', tag_deleted: 'deleted tag', force_pushed: 'force-pushed',
  ci_failed: 'CI failed', deployment: 'deployed', repo_created: 'created repo', repo_renamed: 'renamed repo',
  repo_transferred: 'transferred repo', repo_archived: 'archived repo', repo_unarchived: 'unarchived repo',
  repo_deleted: 'deleted repo',
};
export function kindWords(kind) {
  return KIND_WORDS[kind] || String(kind).replace(/_/g, ' ');
}

/** A tone per kind for the feed's badge. */
export function kindTone(kind) {
  if (kind === 'ci_failed' || kind === 'repo_deleted' || kind === 'force_pushed') return 'bad';
  if (kind === 'merged' || kind === 'release' || kind === 'deployment') return 'good';
  if (kind === 'review' || kind === 'review_comment' || kind === 'comment') return 'talk';
  if (kind === 'commit') return 'code';
  return 'other';
}

/** Events per minute over the last `windowMs`, from the arrival times (ms) of the events. */
export function ratePerMinute(arrivals, nowMs, windowMs = 60000) {
  const recent = arrivals.filter((at) => nowMs - at <= windowMs).length;
  return (recent * 60000) / windowMs;
}
