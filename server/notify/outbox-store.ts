import 'server-only';
/**
 * The notifications, their outbox (one delivery per notification × destination) and every attempt
 * (tables notify_notifications, notify_outbox, notify_attempts). A delivery's states:
 *   queued → delivering (claimed by a worker, with a lease) → delivered | queued again (retry) | failed | dead
 * A delivery left `delivering` by a process that died is claimed again once its lease runs out; the
 * notification id — the webhook-id — never changes, so the receiver can tell the repeat.
 */
import { z } from 'zod';
import type { Store } from '../store/database';
import { readRow, readRows } from '../store/rows';

export const DELIVERY_STATES = ['queued', 'delivering', 'delivered', 'failed', 'dead'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export const ATTEMPT_OUTCOMES = ['delivered', 'retry', 'failed', 'dead', 'disabled', 'interrupted'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** The stored notification's own columns; the whole of it is kept as JSON in `body`. */
interface NotificationRecord {
  id: string;
  type: string;
  clusterId: string;
  occurredAt: number;
}

export function insertNotification(db: Store, notification: NotificationRecord, now = Date.now()): boolean {
  return (
    db
      .prepare(
        'INSERT OR IGNORE INTO notify_notifications (id, type, cluster, occurred_at, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        notification.id,
        notification.type,
        notification.clusterId,
        notification.occurredAt,
        JSON.stringify(notification),
        now,
      ).changes > 0
  );
}

export function insertDeliveries(
  db: Store,
  notificationId: string,
  destinationIds: string[],
  now = Date.now(),
): number {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO notify_outbox (notification_id, destination_id, state, queued_at, next_attempt_at)
     VALUES (?, ?, 'queued', ?, ?)`,
  );
  return destinationIds.reduce((n, id) => n + insert.run(notificationId, id, now, now).changes, 0);
}

const claimedSchema = z.object({
  id: z.number().int(),
  notificationId: z.string(),
  destinationId: z.string(),
  attempts: z.number().int(),
  retries: z.number().int(),
  queuedAt: z.number().int(),
  body: z.string(),
});
export type ClaimedDelivery = z.infer<typeof claimedSchema>;

const CLAIMED_COLUMNS = `o.id, o.notification_id AS notificationId, o.destination_id AS destinationId, o.attempts, o.retries,
  o.queued_at AS queuedAt, n.body`;

/**
 * Claims up to `limit` due deliveries of one destination for this worker: queued ones whose time has
 * come, oldest first, and — first — any whose claim by another worker expired (`claimedBefore`), whose
 * interrupted attempt is recorded as such. Each claim counts as an attempt. BEGIN IMMEDIATE, so two
 * processes on one store never claim the same row.
 */
export function claimDue(
  db: Store,
  claim: { destinationId: string; now: number; claimedBefore: number; limit: number; workerId: string },
): ClaimedDelivery[] {
  const run = db.transaction(() => {
    const expired = readRows(
      'notify_outbox',
      claimedSchema,
      db
        .prepare(
          `SELECT ${CLAIMED_COLUMNS} FROM notify_outbox o JOIN notify_notifications n ON n.id = o.notification_id
           WHERE o.destination_id = ? AND o.state = 'delivering' AND o.claimed_at <= ? AND o.claimed_by <> ?
           ORDER BY o.claimed_at LIMIT ?`,
        )
        .all(claim.destinationId, claim.claimedBefore, claim.workerId, claim.limit),
    );
    const interrupted = db.prepare(
      `INSERT INTO notify_attempts (delivery_id, attempt, started_at, latency_ms, status, outcome, error, response)
       SELECT id, attempts, claimed_at, ? - claimed_at, NULL, 'interrupted', 'the console stopped during this attempt', NULL
       FROM notify_outbox WHERE id = ?`,
    );
    for (const row of expired) interrupted.run(claim.now, row.id);
    const queued = readRows(
      'notify_outbox',
      claimedSchema,
      db
        .prepare(
          `SELECT ${CLAIMED_COLUMNS} FROM notify_outbox o JOIN notify_notifications n ON n.id = o.notification_id
           WHERE o.destination_id = ? AND o.state = 'queued' AND o.next_attempt_at <= ?
           ORDER BY o.next_attempt_at, o.id LIMIT ?`,
        )
        .all(claim.destinationId, claim.now, claim.limit - expired.length),
    );
    const rows = [...expired, ...queued];
    const mark = db.prepare(
      `UPDATE notify_outbox SET state = 'delivering', claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE id = ?`,
    );
    for (const row of rows) mark.run(claim.workerId, claim.now, row.id);
    return rows.map((row) => ({ ...row, attempts: row.attempts + 1 }));
  });
  return run.immediate();
}

export interface AttemptRecord {
  deliveryId: number;
  attempt: number;
  startedAt: number;
  latencyMs: number;
  status: number | null;
  outcome: AttemptOutcome;
  error: string | null;
  /** At most 500 characters of what the receiver answered. */
  response: string | null;
}

/** What an attempt leaves the delivery as: retried at a time, or finished in a final state. */
export type AttemptEffect =
  { state: 'queued'; nextAttemptAt: number } | { state: 'delivered' | 'failed' | 'dead'; finishedAt: number };

/**
 * The attempt's row and the delivery's new state, together. False when the delivery is gone (its
 * destination was removed while the attempt ran): nothing is recorded then.
 */
export function recordAttempt(db: Store, attempt: AttemptRecord, effect: AttemptEffect): boolean {
  return db.transaction(() => {
    const updated = db
      .prepare(
        `UPDATE notify_outbox SET state = ?, next_attempt_at = COALESCE(?, next_attempt_at), retries = retries + ?,
           finished_at = ?, claimed_by = NULL, claimed_at = NULL, last_attempt_at = ?, last_status = ?, last_error = ?,
           last_response = ?, last_latency_ms = ?
         WHERE id = ?`,
      )
      .run(
        effect.state,
        effect.state === 'queued' ? effect.nextAttemptAt : null,
        effect.state === 'queued' ? 1 : 0,
        effect.state === 'queued' ? null : effect.finishedAt,
        attempt.startedAt,
        attempt.status,
        attempt.error,
        attempt.response,
        attempt.latencyMs,
        attempt.deliveryId,
      ).changes;
    if (updated === 0) return false;
    db.prepare(
      `INSERT INTO notify_attempts (delivery_id, attempt, started_at, latency_ms, status, outcome, error, response)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      attempt.deliveryId,
      attempt.attempt,
      attempt.startedAt,
      attempt.latencyMs,
      attempt.status,
      attempt.outcome,
      attempt.error,
      attempt.response,
    );
    return true;
  })();
}

/** A worker stopping in good order hands its claims back: due at once, the attempt not counted. */
export function releaseClaims(db: Store, deliveryIds: number[], now = Date.now()): void {
  const release = db.prepare(
    `UPDATE notify_outbox SET state = 'queued', next_attempt_at = ?, claimed_by = NULL, claimed_at = NULL,
       attempts = attempts - 1 WHERE id = ? AND state = 'delivering'`,
  );
  db.transaction(() => deliveryIds.forEach((id) => release.run(now, id)))();
}

/** The earliest time something may become claimable: a queued delivery's due time, or a claim's lease end. */
export function nextDueAt(db: Store, leaseMs: number): number | null {
  const row = readRow(
    'notify_outbox',
    z.object({ queued: z.number().nullable(), claimed: z.number().nullable() }),
    db
      .prepare(
        `SELECT (SELECT MIN(next_attempt_at) FROM notify_outbox WHERE state = 'queued') AS queued,
                (SELECT MIN(claimed_at) FROM notify_outbox WHERE state = 'delivering') AS claimed`,
      )
      .get(),
  );
  const times = [row?.queued, row?.claimed === null || row?.claimed === undefined ? null : row.claimed + leaseMs];
  const known = times.filter((t): t is number => typeof t === 'number');
  return known.length ? Math.min(...known) : null;
}

/** Back in the queue with the same notification (so the same webhook-id): a replay. Only a finished delivery. */
export function requeueDelivery(db: Store, deliveryId: number, now = Date.now()): DeliveryState | 'requeued' | null {
  const current = readRow(
    'notify_outbox',
    z.object({ state: z.enum(DELIVERY_STATES) }),
    db.prepare('SELECT state FROM notify_outbox WHERE id = ?').get(deliveryId),
  );
  if (!current) return null;
  if (current.state === 'queued' || current.state === 'delivering') return current.state;
  db.prepare(
    `UPDATE notify_outbox SET state = 'queued', retries = 0, queued_at = ?, next_attempt_at = ?, finished_at = NULL,
       claimed_by = NULL, claimed_at = NULL WHERE id = ?`,
  ).run(now, now, deliveryId);
  return 'requeued';
}

/** Finished deliveries older than `before` go, with their attempts, then notifications nothing refers to. */
export function pruneFinished(db: Store, before: number): number {
  return db.transaction(() => {
    const removed = db
      .prepare(`DELETE FROM notify_outbox WHERE finished_at IS NOT NULL AND finished_at < ?`)
      .run(before).changes;
    db.prepare(
      `DELETE FROM notify_notifications WHERE created_at < ? AND NOT EXISTS
         (SELECT 1 FROM notify_outbox o WHERE o.notification_id = notify_notifications.id)`,
    ).run(before);
    return removed;
  })();
}

const deliverySchema = z.object({
  id: z.number().int(),
  notificationId: z.string(),
  destinationId: z.string(),
  type: z.string(),
  clusterId: z.string(),
  occurredAt: z.number().int(),
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int(),
  queuedAt: z.number().int(),
  nextAttemptAt: z.number().int(),
  lastAttemptAt: z.number().int().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastResponse: z.string().nullable(),
  lastLatencyMs: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

const attemptSchema = z.object({
  deliveryId: z.number().int(),
  attempt: z.number().int(),
  startedAt: z.number().int(),
  latencyMs: z.number().int(),
  status: z.number().int().nullable(),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  error: z.string().nullable(),
  response: z.string().nullable(),
});
export type Attempt = z.infer<typeof attemptSchema>;

const DELIVERY_COLUMNS = `o.id, o.notification_id AS notificationId, o.destination_id AS destinationId, n.type,
  n.cluster AS clusterId, n.occurred_at AS occurredAt, o.state, o.attempts, o.queued_at AS queuedAt,
  o.next_attempt_at AS nextAttemptAt, o.last_attempt_at AS lastAttemptAt, o.last_status AS lastStatus,
  o.last_error AS lastError, o.last_response AS lastResponse, o.last_latency_ms AS lastLatencyMs, o.finished_at AS finishedAt`;

export function getDelivery(db: Store, deliveryId: number): Delivery | undefined {
  return readRow(
    'notify_outbox',
    deliverySchema,
    db
      .prepare(
        `SELECT ${DELIVERY_COLUMNS} FROM notify_outbox o JOIN notify_notifications n ON n.id = o.notification_id WHERE o.id = ?`,
      )
      .get(deliveryId),
  );
}

/**
 * One destination's deliveries, newest first, a page at a time (`beforeId` = the last id of the page
 * before), each with its latest attempts (newest first, at most `attemptsEach`).
 */
export function listDeliveries(
  db: Store,
  query: { destinationId: string; state?: DeliveryState; beforeId?: number; limit: number; attemptsEach: number },
): (Delivery & { history: Attempt[] })[] {
  const deliveries = readRows(
    'notify_outbox',
    deliverySchema,
    db
      .prepare(
        `SELECT ${DELIVERY_COLUMNS} FROM notify_outbox o JOIN notify_notifications n ON n.id = o.notification_id
         WHERE o.destination_id = ? AND (? IS NULL OR o.state = ?) AND (? IS NULL OR o.id < ?)
         ORDER BY o.id DESC LIMIT ?`,
      )
      .all(
        query.destinationId,
        query.state ?? null,
        query.state ?? null,
        query.beforeId ?? null,
        query.beforeId ?? null,
        query.limit,
      ),
  );
  const attempts = db.prepare(
    `SELECT delivery_id AS deliveryId, attempt, started_at AS startedAt, latency_ms AS latencyMs, status, outcome, error,
       response FROM notify_attempts WHERE delivery_id = ? ORDER BY id DESC LIMIT ?`,
  );
  return deliveries.map((d) => ({
    ...d,
    history: readRows('notify_attempts', attemptSchema, attempts.all(d.id, query.attemptsEach)),
  }));
}

/** How many deliveries each destination has in each state. */
export function deliveryCounts(db: Store): Map<string, Partial<Record<DeliveryState, number>>> {
  const rows = readRows(
    'notify_outbox',
    z.object({ destinationId: z.string(), state: z.enum(DELIVERY_STATES), n: z.number().int() }),
    db.prepare('SELECT destination_id AS destinationId, state, COUNT(*) AS n FROM notify_outbox GROUP BY 1, 2').all(),
  );
  const counts = new Map<string, Partial<Record<DeliveryState, number>>>();
  for (const row of rows) counts.set(row.destinationId, { ...counts.get(row.destinationId), [row.state]: row.n });
  return counts;
}
