import 'server-only';
/**
 * The destinations repository (table notify_destinations). Secrets are stored as they are needed to
 * sign and send, in the console's own store (the same file holds the sessions); nothing here logs.
 */
import { z } from 'zod';
import type { Store } from '../store/database';
import { readRow, readRows } from '../store/rows';
import { DESTINATION_KINDS, WEBHOOK_FORMATS, type Destination } from './destination';

const jsonStrings = z.string().transform((text, ctx) => {
  const parsed = z.array(z.string()).safeParse(JSON.parse(text));
  if (parsed.success) return parsed.data;
  ctx.addIssue({ code: 'custom', message: 'not a JSON array of strings' });
  return z.NEVER;
});

const rowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(DESTINATION_KINDS),
    url: z.string(),
    format: z.enum(WEBHOOK_FORMATS).nullable(),
    secret: z.string().nullable(),
    old_secret: z.string().nullable(),
    routing_key: z.string().nullable(),
    types: jsonStrings,
    clusters: jsonStrings.nullable(),
    enabled: z.number().int(),
    disabled_reason: z.string().nullable(),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .transform((row): Destination => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    url: row.url,
    format: row.format,
    secrets: [row.secret, row.old_secret].filter((s): s is string => s !== null),
    routingKey: row.routing_key,
    types: row.types,
    clusters: row.clusters,
    enabled: row.enabled === 1,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));

function columns(d: Destination) {
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    url: d.url,
    format: d.format,
    secret: d.secrets[0] ?? null,
    old_secret: d.secrets[1] ?? null,
    routing_key: d.routingKey,
    types: JSON.stringify(d.types),
    clusters: d.clusters === null ? null : JSON.stringify(d.clusters),
    enabled: d.enabled ? 1 : 0,
    disabled_reason: d.disabledReason,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
  };
}

export function insertDestination(db: Store, destination: Destination): void {
  db.prepare(
    `INSERT INTO notify_destinations (id, name, kind, url, format, secret, old_secret, routing_key, types, clusters, enabled,
       disabled_reason, created_at, updated_at)
     VALUES (@id, @name, @kind, @url, @format, @secret, @old_secret, @routing_key, @types, @clusters, @enabled,
       @disabled_reason, @created_at, @updated_at)`,
  ).run(columns(destination));
}

/** Writes every field but the id, kind and creation time. */
export function saveDestination(db: Store, destination: Destination): void {
  db.prepare(
    `UPDATE notify_destinations SET name = @name, url = @url, format = @format, secret = @secret, old_secret = @old_secret,
       routing_key = @routing_key, types = @types, clusters = @clusters, enabled = @enabled,
       disabled_reason = @disabled_reason, updated_at = @updated_at
     WHERE id = @id`,
  ).run(columns(destination));
}

export function getDestination(db: Store, id: string): Destination | undefined {
  return readRow(
    'notify_destinations',
    rowSchema,
    db.prepare('SELECT * FROM notify_destinations WHERE id = ?').get(id),
  );
}

/** Oldest first; a console has a handful. */
export function listDestinations(db: Store): Destination[] {
  return readRows(
    'notify_destinations',
    rowSchema,
    db.prepare('SELECT * FROM notify_destinations ORDER BY created_at, id').all(),
  );
}

/** Turned off by the worker (a 410 Gone): stays off, with the reason, until an administrator turns it on. */
export function disableDestination(db: Store, id: string, reason: string, at: number): void {
  db.prepare('UPDATE notify_destinations SET enabled = 0, disabled_reason = ?, updated_at = ? WHERE id = ?').run(
    reason,
    at,
    id,
  );
}

/** Its deliveries and their attempts go with it (ON DELETE CASCADE). */
export function deleteDestination(db: Store, id: string): boolean {
  return db.prepare('DELETE FROM notify_destinations WHERE id = ?').run(id).changes > 0;
}
