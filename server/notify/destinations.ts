import 'server-only';
/**
 * Managing destinations: what the router's procedures do. A webhook's signing secret is generated
 * here and returned once (on create and on rotation); afterwards only its last four characters are
 * ever shown. Rotation keeps the previous secret as a second signature until `dropOldSecret`.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Store } from '../store/database';
import {
  createDestinationSchema,
  foreignFields,
  generateSecret,
  publicView,
  updateDestinationSchema,
  type CreateDestinationInput,
  type Destination,
  type DestinationView,
  type UpdateDestinationInput,
} from './destination';
import { deleteDestination, getDestination, insertDestination, saveDestination } from './destination-store';
import { checkUrl, type EgressPolicy } from './egress';
import { enqueueTo } from './notification';
import { getDelivery, requeueDelivery, type Delivery } from './outbox-store';
import { announceEnqueued } from './wake';

/** A refusal whose message is meant for the administrator (the router turns it into BAD_REQUEST or NOT_FOUND). */
export class DestinationError extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid' | 'not-found',
  ) {
    super(message);
    this.name = 'DestinationError';
  }
}

function find(db: Store, id: string): Destination {
  const destination = getDestination(db, id);
  if (!destination) throw new DestinationError(`no destination ${id}`, 'not-found');
  return destination;
}

/** An address literal or a name that is plainly local is refused now, not at the first send. */
function checkTarget(field: string, url: string, policy: EgressPolicy): void {
  try {
    checkUrl(url, policy);
  } catch (error) {
    throw new DestinationError(`${field}: ${(error as Error).message}`, 'invalid');
  }
  const host = new URL(url).hostname.toLowerCase();
  if ((host === 'localhost' || host.endsWith('.localhost')) && !policy.allowLoopback)
    throw new DestinationError(
      `${field}: ${host} is the console's own host (set notify.allowLoopback to allow it)`,
      'invalid',
    );
}

export function createDestination(
  db: Store,
  raw: CreateDestinationInput,
  policy: EgressPolicy,
  now = Date.now(),
): { destination: DestinationView; secret: string | null } {
  const input = createDestinationSchema.parse(raw);
  const url = input.kind === 'slack' ? input.credentials.url : input.url;
  checkTarget(input.kind === 'slack' ? 'credentials.url' : 'url', url, policy);
  const secret = input.kind === 'webhook' ? generateSecret() : null;
  const destination: Destination = {
    id: randomUUID(),
    name: input.name,
    kind: input.kind,
    url,
    format: input.kind === 'webhook' ? input.format : null,
    secrets: secret ? [secret] : [],
    routingKey: input.kind === 'pagerduty' ? input.credentials.routingKey : null,
    types: input.types,
    clusters: input.clusters,
    enabled: true,
    disabledReason: null,
    createdAt: now,
    updatedAt: now,
  };
  insertDestination(db, destination);
  return { destination: publicView(destination), secret };
}

export function updateDestination(
  db: Store,
  raw: UpdateDestinationInput,
  policy: EgressPolicy,
  now = Date.now(),
): DestinationView {
  const input: z.output<typeof updateDestinationSchema> = updateDestinationSchema.parse(raw);
  const current = find(db, input.id);
  const wrong = foreignFields(current.kind, input);
  if (wrong.length) throw new DestinationError(`a ${current.kind} destination has no ${wrong.join(', ')}`, 'invalid');
  const url = input.url ?? input.credentials?.url ?? current.url;
  if (url !== current.url) checkTarget(input.url !== undefined ? 'url' : 'credentials.url', url, policy);
  const enabled = input.enabled ?? current.enabled;
  const next: Destination = {
    ...current,
    name: input.name ?? current.name,
    url,
    format: input.format ?? current.format,
    routingKey: input.credentials?.routingKey ?? current.routingKey,
    types: input.types ?? current.types,
    clusters: input.clusters === undefined ? current.clusters : input.clusters,
    enabled,
    disabledReason: enabled ? null : (current.disabledReason ?? 'disabled by an administrator'),
    updatedAt: now,
  };
  saveDestination(db, next);
  return publicView(next);
}

/** A new current secret; the old one stays as the second signature until dropped. Returns the new one, once. */
export function rotateSecret(
  db: Store,
  id: string,
  now = Date.now(),
): { destination: DestinationView; secret: string } {
  const current = find(db, id);
  if (current.kind !== 'webhook')
    throw new DestinationError(`a ${current.kind} destination has no signing secret`, 'invalid');
  const secret = generateSecret();
  // A rotation during a rotation retires the oldest: at most two secrets sign.
  const next = { ...current, secrets: [secret, ...current.secrets.slice(0, 1)], updatedAt: now };
  saveDestination(db, next);
  return { destination: publicView(next), secret };
}

export function dropOldSecret(db: Store, id: string, now = Date.now()): DestinationView {
  const current = find(db, id);
  if (current.secrets.length < 2) throw new DestinationError('there is no old secret to drop', 'invalid');
  const next = { ...current, secrets: current.secrets.slice(0, 1), updatedAt: now };
  saveDestination(db, next);
  return publicView(next);
}

export function removeDestination(db: Store, id: string): void {
  if (!deleteDestination(db, id)) throw new DestinationError(`no destination ${id}`, 'not-found');
}

/** A `test.ping` to this destination only, whatever its filters say. Returns the notification (webhook) id. */
export function sendTest(db: Store, id: string, now = Date.now()): { notificationId: string } {
  const destination = find(db, id);
  if (!destination.enabled)
    throw new DestinationError(
      `the destination is disabled (${destination.disabledReason ?? 'by an administrator'}): enable it first`,
      'invalid',
    );
  const notificationId = randomUUID();
  enqueueTo(
    db,
    {
      id: notificationId,
      type: 'test.ping',
      clusterId: '*',
      occurredAt: now,
      severity: 'info',
      summary: `Ringside test notification to "${destination.name}"`,
      dedupKey: `test-${notificationId}`,
      data: { destinationId: destination.id },
    },
    [destination.id],
  );
  return { notificationId };
}

/** A finished delivery (delivered, failed or dead) queued again with the same notification, so the same webhook-id. */
export function replayDelivery(db: Store, deliveryId: number, now = Date.now()): Delivery {
  const outcome = requeueDelivery(db, deliveryId, now);
  if (outcome === null) throw new DestinationError(`no delivery ${deliveryId}`, 'not-found');
  if (outcome !== 'requeued') throw new DestinationError(`delivery ${deliveryId} is ${outcome} already`, 'invalid');
  announceEnqueued();
  return getDelivery(db, deliveryId)!;
}
