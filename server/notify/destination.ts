import 'server-only';
/**
 * Destinations: where notifications go, what each kind needs, which notifications each accepts, and
 * what of one may be shown. Input schemas are the router's boundary; errors name the field.
 *
 * Secret parts of an input sit under `credentials` (a Slack webhook URL is its own bearer token, a
 * PagerDuty routing key lets anyone page the on-call): the audit log blanks any key of that name, so
 * they never reach it. A webhook's signing secret is never input at all: the console generates it.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { urlProblem } from './egress';

export const DESTINATION_KINDS = ['webhook', 'slack', 'pagerduty'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];
export const WEBHOOK_FORMATS = ['ringside-v1', 'alertmanager-v4'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
export const DEFAULT_TYPES = ['alert.*', 'operation.*'];

export interface Destination {
  id: string;
  name: string;
  kind: DestinationKind;
  /** Where to POST: the webhook, the Slack incoming-webhook URL (a secret), or the PagerDuty events endpoint. */
  url: string;
  /** Webhooks only. */
  format: WebhookFormat | null;
  /** Webhooks only: the current `whsec_` secret first, then the one being rotated out, if any. */
  secrets: string[];
  /** PagerDuty only. */
  routingKey: string | null;
  /** Type patterns: `alert.firing`, `alert.*`, or `*`. */
  types: string[];
  /** Cluster ids, or null for every cluster. */
  clusters: string[] | null;
  enabled: boolean;
  disabledReason: string | null;
  createdAt: number;
  updatedAt: number;
}

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .superRefine((url, ctx) => {
    const problem = urlProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const typePattern = z
  .string()
  .regex(
    /^(\*|[a-z0-9_]+(\.[a-z0-9_]+)*\.\*|[a-z0-9_]+(\.[a-z0-9_]+)+)$/,
    'must be an event type (alert.firing), a prefix ending in .* (alert.*), or *',
  );
const types = z.array(typePattern).min(1, 'needs at least one type').max(50);
const clusters = z.array(z.string().min(1).max(64)).max(200).nullable();
const name = z.string().trim().min(1).max(200);
const routingKey = z.string().regex(/^[A-Za-z0-9]{32}$/, 'must be the 32-character integration key');

export const createDestinationSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('webhook'),
      name,
      url: httpUrl,
      format: z.enum(WEBHOOK_FORMATS).default('ringside-v1'),
      types: types.default(DEFAULT_TYPES),
      clusters: clusters.default(null),
    })
    .strict(),
  z
    .object({
      kind: z.literal('slack'),
      name,
      credentials: z.object({ url: httpUrl }).strict(),
      types: types.default(DEFAULT_TYPES),
      clusters: clusters.default(null),
    })
    .strict(),
  z
    .object({
      kind: z.literal('pagerduty'),
      name,
      url: httpUrl.default(PAGERDUTY_EVENTS_URL),
      credentials: z.object({ routingKey }).strict(),
      types: types.default(DEFAULT_TYPES),
      clusters: clusters.default(null),
    })
    .strict(),
]);
export type CreateDestinationInput = z.input<typeof createDestinationSchema>;

export const updateDestinationSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: name.optional(),
    /** Turning a destination back on clears why it was turned off. */
    enabled: z.boolean().optional(),
    types: types.optional(),
    clusters: clusters.optional(),
    /** Webhook and PagerDuty; a Slack URL goes in credentials. */
    url: httpUrl.optional(),
    format: z.enum(WEBHOOK_FORMATS).optional(),
    credentials: z.object({ url: httpUrl.optional(), routingKey: routingKey.optional() }).strict().optional(),
  })
  .strict();
export type UpdateDestinationInput = z.input<typeof updateDestinationSchema>;

/** The fields of an update that this kind does not have, named so the caller can see what was wrong. */
export function foreignFields(kind: DestinationKind, update: z.output<typeof updateDestinationSchema>): string[] {
  const wrong: string[] = [];
  if (kind === 'slack' && update.url !== undefined) wrong.push('url (a Slack URL goes in credentials.url)');
  if (kind !== 'webhook' && update.format !== undefined) wrong.push('format (webhooks only)');
  if (kind !== 'slack' && update.credentials?.url !== undefined) wrong.push('credentials.url (Slack only)');
  if (kind !== 'pagerduty' && update.credentials?.routingKey !== undefined)
    wrong.push('credentials.routingKey (PagerDuty only)');
  return wrong;
}

/** A Standard Webhooks symmetric secret: 32 random bytes, base64, `whsec_` prefix. */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function typeMatches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/** Whether the destination's filters let this notification through (enabled or not). */
export function accepts(destination: Destination, notification: { type: string; clusterId: string }): boolean {
  return (
    destination.types.some((p) => typeMatches(p, notification.type)) &&
    (destination.clusters === null || destination.clusters.includes(notification.clusterId))
  );
}

/** The last four characters, enough to tell two secrets apart. */
const hint = (secret: string) => `…${secret.slice(-4)}`;

/** A destination as it may be shown: secrets only by their last four characters. */
export function publicView(d: Destination) {
  const url = d.kind === 'slack' ? `${new URL(d.url).origin}/${hint(d.url)}` : d.url;
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    url,
    format: d.format,
    secretHint: d.secrets[0] ? hint(d.secrets[0]) : null,
    oldSecretHint: d.secrets[1] ? hint(d.secrets[1]) : null,
    routingKeyHint: d.routingKey ? hint(d.routingKey) : null,
    types: d.types,
    clusters: d.clusters,
    enabled: d.enabled,
    disabledReason: d.disabledReason,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}
export type DestinationView = ReturnType<typeof publicView>;
