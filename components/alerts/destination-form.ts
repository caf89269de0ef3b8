/**
 * The new-destination form: its fields to `destinations.create`'s input for a webhook, Slack or
 * PagerDuty. What each kind needs is the server's (notify/destination.ts); its message is shown when it
 * refuses. Pure.
 */
import type { inferRouterOutputs } from '@trpc/server';
import type { CreateDestinationInput, DestinationKind, WebhookFormat } from '@/server/notify/destination';
import type { AppRouter } from '@/server/routers/_app';

export type DestinationRow = inferRouterOutputs<AppRouter>['destinations']['list'][number];
export type DeliveryRow = inferRouterOutputs<AppRouter>['destinations']['deliveries'][number];

export const KIND_LABELS: Record<DestinationKind, string> = {
  webhook: 'Webhook (signed, Standard Webhooks)',
  slack: 'Slack incoming webhook',
  pagerduty: 'PagerDuty Events API v2',
};
export const DESTINATION_KINDS = Object.keys(KIND_LABELS) as DestinationKind[];

export const FORMAT_LABELS: Record<WebhookFormat, string> = {
  'ringside-v1': 'ringside-v1 (the incident with its muted alerts)',
  'alertmanager-v4': "alertmanager-v4 (Alertmanager's webhook body)",
};
export const WEBHOOK_FORMATS = Object.keys(FORMAT_LABELS) as WebhookFormat[];

export const DEFAULT_TYPES = 'alert.*, operation.*';

export interface DestinationForm {
  kind: DestinationKind;
  name: string;
  /** The webhook's URL, or PagerDuty's events endpoint (empty for the default). */
  url: string;
  format: WebhookFormat;
  /** Slack's incoming-webhook URL: a secret. */
  slackUrl: string;
  /** PagerDuty's 32-character integration key: a secret. */
  routingKey: string;
  /** Comma-separated type patterns: `alert.*`, `alert.firing`, `*`. */
  types: string;
  /** Comma-separated cluster ids; empty for every cluster. */
  clusters: string;
}

export function emptyDestinationForm(): DestinationForm {
  return {
    kind: 'webhook',
    name: '',
    url: '',
    format: 'ringside-v1',
    slackUrl: '',
    routingKey: '',
    types: DEFAULT_TYPES,
    clusters: '',
  };
}

const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

export type DestinationFormResult = { input: CreateDestinationInput; problem: null } | { input: null; problem: string };
const refuse = (problem: string): DestinationFormResult => ({ input: null, problem });

export function destinationInputOf(form: DestinationForm): DestinationFormResult {
  const name = form.name.trim();
  if (!name) return refuse('name: say where it goes');
  const types = list(form.types);
  if (types.length === 0) return refuse('types: at least one, e.g. alert.*');
  const clusters = list(form.clusters);
  const common = { name, types, clusters: clusters.length ? clusters : null };
  switch (form.kind) {
    case 'webhook':
      if (!form.url.trim()) return refuse('url: where to POST');
      return { input: { ...common, kind: 'webhook', url: form.url.trim(), format: form.format }, problem: null };
    case 'slack':
      if (!form.slackUrl.trim()) return refuse("Slack URL: the incoming webhook's address");
      return { input: { ...common, kind: 'slack', credentials: { url: form.slackUrl.trim() } }, problem: null };
    case 'pagerduty': {
      const routingKey = form.routingKey.trim();
      if (!/^[A-Za-z0-9]{32}$/.test(routingKey)) return refuse('routing key: the 32-character integration key');
      return {
        input: {
          ...common,
          kind: 'pagerduty',
          ...(form.url.trim() ? { url: form.url.trim() } : {}),
          credentials: { routingKey },
        },
        problem: null,
      };
    }
  }
}

/** Delivery counts by state, e.g. "3 delivered · 1 failed"; "none yet" when there are none. */
export function describeCounts(counts: DestinationRow['deliveries']): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([state, n]) => `${n} ${state}`);
  return parts.length ? parts.join(' · ') : 'none yet';
}

/** A delivery that is over (delivered, failed, dead) may be sent again; one queued or under way may not. */
export const replayable = (delivery: Pick<DeliveryRow, 'state'>) =>
  delivery.state === 'delivered' || delivery.state === 'failed' || delivery.state === 'dead';
