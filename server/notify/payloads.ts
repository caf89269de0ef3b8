import 'server-only';
/**
 * What each destination is sent for a notification: the exact bytes, rendered the same way on every
 * attempt (the body never changes across retries; only the signature's timestamp does).
 *   webhook  ringside-v1: the Standard Webhooks envelope {type, timestamp, data}; or alertmanager-v4:
 *            Alertmanager's webhook body, so receivers written for it work unchanged (docs/webhooks.md)
 *   slack    incoming webhook: `text` plus one coloured attachment (firing danger, resolved good)
 *   pagerduty  Events API v2: trigger or resolve, dedup_key = the notification's dedupKey
 */
import type { Destination } from './destination';
import type { Notification, NotificationAlert, Severity } from './notification';

export interface RenderContext {
  /** The console's address (auth.baseURL), for links; empty when not configured. */
  externalUrl: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Go's zero time: what Alertmanager sends for an alert that has not ended. */
const AM_ZERO_TIME = '0001-01-01T00:00:00Z';

type Status = 'firing' | 'resolved' | 'other';
function statusOf(n: Notification): Status {
  if (n.type === 'alert.resolved') return 'resolved';
  if (n.type === 'alert.firing') return 'firing';
  return 'other';
}

export function renderBody(destination: Destination, n: Notification, context: RenderContext): string {
  switch (destination.kind) {
    case 'webhook':
      return JSON.stringify(
        destination.format === 'alertmanager-v4' ? alertmanagerV4(destination, n, context) : ringsideV1(n),
      );
    case 'slack':
      return JSON.stringify(slack(n, context));
    case 'pagerduty':
      return JSON.stringify(pagerDuty(destination.routingKey ?? '', n, context));
  }
}

/** ringside-v1. Additive changes only within v1 (new keys); anything else would be ringside-v2. */
export function ringsideV1(n: Notification) {
  return { type: n.type, timestamp: iso(n.occurredAt), data: { ...n } };
}

/** The labels (or annotations) every alert has with the same value. */
function common(alerts: NotificationAlert[], key: 'labels' | 'annotations'): Record<string, string> {
  const [first, ...rest] = alerts;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first[key]).filter(([k, v]) => rest.every((a) => a[key][k] === v)));
}

function stringRecord(value: unknown): Record<string, string> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  return entries.every(([, v]) => typeof v === 'string')
    ? (Object.fromEntries(entries) as Record<string, string>)
    : null;
}

/** Alertmanager's webhook body, version "4" (alertmanager notify/webhook). */
export function alertmanagerV4(destination: Destination, n: Notification, context: RenderContext) {
  const commonLabels = common(n.alerts, 'labels');
  // The engine may say how it grouped (data.groupLabels); otherwise the usual cluster + alertname.
  const groupLabels =
    stringRecord(n.data.groupLabels) ??
    Object.fromEntries(Object.entries(commonLabels).filter(([k]) => k === 'cluster' || k === 'alertname'));
  const status =
    statusOf(n) === 'resolved' || (n.alerts.length > 0 && n.alerts.every((a) => a.status === 'resolved'))
      ? 'resolved'
      : 'firing';
  return {
    version: '4',
    groupKey: n.dedupKey,
    truncatedAlerts: 0,
    status,
    receiver: destination.name,
    groupLabels,
    commonLabels,
    commonAnnotations: common(n.alerts, 'annotations'),
    externalURL: context.externalUrl,
    alerts: n.alerts.map((a) => ({
      status: a.status,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: iso(a.startsAt),
      endsAt: a.endsAt === null ? AM_ZERO_TIME : iso(a.endsAt),
      generatorURL: context.externalUrl,
      fingerprint: a.fingerprint,
    })),
  };
}

/** Slack reads &, < and > as markup (<!channel>, links): text from a cluster is escaped. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const SEVERITY_COLOR: Record<Severity, string> = {
  critical: 'danger',
  error: 'danger',
  warning: 'warning',
  info: '#439FE0',
};

const MAX_SLACK_ALERTS = 10;

export function slack(n: Notification, context: RenderContext) {
  const status = statusOf(n);
  const label = status === 'other' ? n.type : status.toUpperCase();
  const where = n.clusterId && n.clusterId !== '*' ? ` ${slackEscape(n.clusterId)}:` : '';
  const text = `[${label}]${where} ${slackEscape(n.summary || n.type)}`;
  const lines = n.alerts.slice(0, MAX_SLACK_ALERTS).map(
    (a) =>
      `• ${a.status === 'resolved' ? 'resolved' : 'firing'}: ${slackEscape(
        Object.entries(a.labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
      )}`,
  );
  if (n.alerts.length > MAX_SLACK_ALERTS) lines.push(`… and ${n.alerts.length - MAX_SLACK_ALERTS} more`);
  return {
    text,
    attachments: [
      {
        color: status === 'firing' ? 'danger' : status === 'resolved' ? 'good' : SEVERITY_COLOR[n.severity],
        fallback: text,
        text: lines.join('\n'),
        fields: [
          { title: 'Cluster', value: slackEscape(n.clusterId || '-'), short: true },
          { title: 'Severity', value: n.severity, short: true },
        ],
        footer: 'Ringside',
        ...(context.externalUrl ? { title: 'Open Ringside', title_link: context.externalUrl } : {}),
        ts: Math.floor(n.occurredAt / 1000),
      },
    ],
  };
}

/** PagerDuty refuses an event above 512 KB; custom details are the part that can grow. */
const MAX_DETAILS_BYTES = 400_000;

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The node every alert names, else the cluster: PagerDuty's `source`. */
function sourceOf(n: Notification): string {
  const nodes = new Set(n.alerts.map((a) => a.labels.node ?? a.labels.instance ?? ''));
  const [node] = nodes;
  const cluster = n.clusterId && n.clusterId !== '*' ? n.clusterId : 'ringside';
  return nodes.size === 1 && node ? `${cluster}/${node}` : cluster;
}

export function pagerDuty(routingKey: string, n: Notification, context: RenderContext) {
  // A trigger without a dedup_key opens a new PagerDuty alert each time; the notification id at least stays stable.
  const dedupKey = n.dedupKey || n.id;
  if (statusOf(n) === 'resolved') return { routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey };
  let details: Record<string, unknown> = { type: n.type, alerts: n.alerts, data: n.data };
  if (Buffer.byteLength(JSON.stringify(details)) > MAX_DETAILS_BYTES)
    details = { type: n.type, alerts: n.alerts.length, note: 'details too large for PagerDuty; see the console' };
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload: {
      summary: truncate(n.summary || `${n.type} on ${sourceOf(n)}`, 1024),
      source: sourceOf(n),
      severity: n.severity,
      timestamp: iso(n.occurredAt),
      group: n.clusterId,
      class: n.type,
      custom_details: details,
    },
    client: 'Ringside',
    ...(/^https?:\/\//.test(context.externalUrl) ? { client_url: context.externalUrl } : {}),
  };
}
