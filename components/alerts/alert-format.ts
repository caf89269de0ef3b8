/**
 * How the alerts page words what the server sends: matchers as Alertmanager prints them, durations and
 * ages, who an alert is about, and which member of an incident mutes which alert. Pure.
 */
import type { inferRouterOutputs } from '@trpc/server';
import type { Incident, IncidentAlert } from '@/server/alerts/alert-store';
import type { AlertsView, SilenceView } from '@/server/alerts/alerts-view';
import type { Matcher } from '@/server/alerts/silences';
import type { AppRouter } from '@/server/routers/_app';

export type { AlertsView, Incident, IncidentAlert, Matcher, SilenceView };
export type RuleInForce = inferRouterOutputs<AppRouter>['alerts']['rules']['rules'][number];
export type MetricChoice = inferRouterOutputs<AppRouter>['alerts']['rules']['metrics'][number];

/** `name op "value"`, the value quoted as JSON so spaces, quotes and an empty value stay visible. */
export function formatMatcher(matcher: Matcher): string {
  return `${matcher.name} ${matcher.op} ${JSON.stringify(matcher.value)}`;
}

export function formatMatchers(matchers: readonly Matcher[]): string {
  return matchers.map(formatMatcher).join(', ');
}

const UNITS: [number, string][] = [
  [86_400, 'd'],
  [3_600, 'h'],
  [60, 'min'],
];

/** A rule's timing in the largest unit that divides it (300 → "5 min", 90 → "90 s"). */
export function formatSeconds(seconds: number): string {
  if (seconds === 0) return '0 s';
  for (const [size, unit] of UNITS) if (seconds % size === 0) return `${seconds / size} ${unit}`;
  return `${seconds} s`;
}

/** How long ago, to the two largest units that matter ("45 s", "5 min", "2 h 10 min", "3 d 4 h"). */
export function formatAge(elapsedMs: number): string {
  const seconds = Math.max(0, Math.floor(elapsedMs / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/**
 * A duration as typed: `90` or `90s` (seconds), `5m`, `4h`, `1d`, and sums such as `1h30m`.
 * Seconds, or null when it is not a duration.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (!/^(\d+\s*(d|h|m|min|s)\s*)+$/.test(trimmed)) return null;
  const size: Record<string, number> = { d: 86_400, h: 3_600, m: 60, min: 60, s: 1 };
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)\s*(d|h|min|m|s)/g)) total += Number(amount) * size[unit!]!;
  return total;
}

/** What an alert is about: its node, its table (repair-overdue), or its cluster for a cluster-wide rule. */
export function subjectOf(alert: Pick<IncidentAlert, 'labels'>): string {
  if (alert.labels.node) return alert.labels.node;
  if (alert.labels.table) return `table ${alert.labels.keyspace ?? '?'}.${alert.labels.table}`;
  return `cluster ${alert.labels.cluster ?? '?'}`;
}

/** "node-down on 127.0.0.3": a rule and its subject, as a muted child names what mutes it. */
export function describeAlert(alert: Pick<IncidentAlert, 'ruleId' | 'labels'>): string {
  return `${alert.ruleId} on ${subjectOf(alert)}`;
}

/** The labels a fingerprint was made of (`key=value`, comma-joined, keys sorted: observations.ts). */
function labelsOfFingerprint(fingerprint: string): Record<string, string> {
  return Object.fromEntries(
    fingerprint
      .split(',')
      .map((pair) => pair.split('='))
      .filter((kv): kv is [string, string] => kv.length === 2),
  );
}

export interface MemberWithMuted {
  member: IncidentAlert;
  /** Alerts muted by this member: what its failure explains. */
  muted: IncidentAlert[];
}

/**
 * An incident's members, each with the alerts it mutes nested under it, and `orphans`: muted alerts
 * whose muter is not a member (not expected, but they are shown rather than dropped). `mutedBy`
 * names each muted alert's muter in words.
 */
export function nestMuted(incident: Pick<Incident, 'members' | 'muted'>): {
  members: MemberWithMuted[];
  orphans: IncidentAlert[];
  mutedBy(alert: IncidentAlert): string;
} {
  const members = incident.members.map((member) => ({ member, muted: [] as IncidentAlert[] }));
  const byFingerprint = new Map(members.map((m) => [m.member.fingerprint, m]));
  const orphans: IncidentAlert[] = [];
  for (const alert of incident.muted) {
    const muter = alert.mutedBy ? byFingerprint.get(alert.mutedBy) : undefined;
    if (muter) muter.muted.push(alert);
    else orphans.push(alert);
  }
  const mutedBy = (alert: IncidentAlert) => {
    if (!alert.mutedBy) return 'muted';
    const muter = byFingerprint.get(alert.mutedBy)?.member;
    if (muter) return `muted by ${describeAlert(muter)}`;
    const labels = labelsOfFingerprint(alert.mutedBy);
    return `muted by ${labels.alertname ? describeAlert({ ruleId: labels.alertname, labels }) : alert.mutedBy}`;
  };
  return { members, orphans, mutedBy };
}

/** The comment of the silence an alert falls under, or its id when that silence is not in the list. */
export function silenceComment(silenceId: string, silences: readonly Pick<SilenceView, 'id' | 'comment'>[]): string {
  return silences.find((s) => s.id === silenceId)?.comment ?? `silence ${silenceId}`;
}

/** When a silence stops muting: its end, or when someone ended it early. */
export function silenceEnd(silence: Pick<SilenceView, 'endsAt' | 'expiredAt'>): number {
  return Math.min(silence.endsAt, silence.expiredAt ?? Number.POSITIVE_INFINITY);
}

const STATE_ORDER: Record<SilenceView['state'], number> = { active: 0, pending: 1, expired: 2 };

/**
 * The silences to list: the live view's (fresh state) merged over the full list (which also has the
 * expired ones); active first, then pending, then expired, each with the latest end first.
 */
export function mergeSilences(live: readonly SilenceView[], all: readonly SilenceView[] | undefined): SilenceView[] {
  const byId = new Map<string, SilenceView>();
  for (const silence of all ?? []) byId.set(silence.id, silence);
  for (const silence of live) byId.set(silence.id, silence);
  return [...byId.values()].sort(
    (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || silenceEnd(b) - silenceEnd(a),
  );
}
