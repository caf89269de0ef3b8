import 'server-only';
/**
 * A notification: one event worth telling someone about (an incident firing or resolving, an
 * operation's outcome, a test ping), as the alert engine hands it over. `enqueueNotification` is the
 * whole contract with the engine: it runs inside the engine's own SQLite transaction, so the state
 * change and the promise to deliver it commit together or not at all, and it does no I/O beyond the
 * store. Delivery (network, retries) happens later, in the delivery worker.
 */
import { z } from 'zod';
import type { Store } from '../store/database';
import { listDestinations } from './destination-store';
import { accepts } from './destination';
import { insertDeliveries, insertNotification } from './outbox-store';
import { announceEnqueued } from './wake';

export const notificationSchema = z.object({
  id: z.string().min(1), // uuid; the Standard Webhooks webhook-id, stable across retries and restarts
  type: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/), // 'alert.firing' | 'alert.resolved' | 'operation.*' | 'test.ping'
  clusterId: z.string(),
  occurredAt: z.number().int(), // ms since epoch
  severity: z.enum(['critical', 'error', 'warning', 'info']),
  summary: z.string().max(1024), // one line: Slack text, PagerDuty summary
  dedupKey: z.string().max(255), // the incident id: PagerDuty dedup_key, Alertmanager groupKey
  alerts: z
    .array(
      z.object({
        status: z.enum(['firing', 'resolved']),
        labels: z.record(z.string(), z.string()),
        annotations: z.record(z.string(), z.string()),
        startsAt: z.number().int(),
        endsAt: z.number().int().nullable(),
        fingerprint: z.string(),
      }),
    )
    .default([]),
  data: z.record(z.string(), z.unknown()), // the type's own body (e.g. the incident with its muted children)
});

/** What the caller passes (alerts may be left out). */
export type NotificationInput = z.input<typeof notificationSchema>;
/** What is stored and rendered. */
export type Notification = z.output<typeof notificationSchema>;
export type NotificationAlert = Notification['alerts'][number];
export type Severity = Notification['severity'];

/**
 * Stores the notification and one queued delivery per enabled destination that accepts it (its type
 * and cluster filters), then wakes the delivery worker once the caller's transaction is over.
 * Synchronous and network-free, so it may run inside `db.transaction(...)`; an invalid notification
 * throws a ZodError (rolling the caller's transaction back). Enqueueing an id already stored does
 * nothing: a caller retrying its transaction does not notify twice.
 */
export function enqueueNotification(db: Store, notification: NotificationInput): void {
  enqueueTo(db, notification, null);
}

/**
 * As `enqueueNotification`, to the given destinations only, filters not applied (a test ping), or to
 * every accepting one when `destinationIds` is null. Returns how many deliveries were queued.
 */
export function enqueueTo(db: Store, input: NotificationInput, destinationIds: string[] | null): number {
  const notification = notificationSchema.parse(input);
  const run = db.transaction(() => {
    if (!insertNotification(db, notification)) return 0;
    const targets = listDestinations(db).filter((d) =>
      destinationIds === null ? d.enabled && accepts(d, notification) : destinationIds.includes(d.id),
    );
    return insertDeliveries(
      db,
      notification.id,
      targets.map((d) => d.id),
    );
  });
  // A nested call becomes a savepoint inside the caller's transaction.
  const queued = run();
  if (queued > 0) announceEnqueued();
  return queued;
}
