import 'server-only';
/**
 * Cluster events (node down/up, schema change, a collector gap, an operation), kept to mark them on
 * charts. Kept for `store.eventRetentionDays` and at most `store.eventsPerClusterMax` per cluster,
 * pruned as events arrive (at most once a minute) so the table stays bounded without a scheduler.
 */
import { z } from 'zod';
import { config } from '../config';
import { processSingleton } from '../process-singleton';
import { getStore } from './index';
import { readRows } from './rows';

export const EVENT_KINDS = ['node-down', 'node-up', 'schema-change', 'collector-gap', 'operation'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

const clusterEventSchema = z.object({
  ts: z.number().int(),
  kind: z.enum(EVENT_KINDS),
  node: z.string().nullable(),
  detail: z.string(),
});
export type ClusterEvent = z.infer<typeof clusterEventSchema>;

const PRUNE_EVERY_MS = 60_000;
const lastPruned = processSingleton('events-last-pruned', () => new Map<string, number>());

export function recordEvent(cluster: string, event: ClusterEvent): void {
  getStore()
    .prepare('INSERT INTO cluster_events (cluster, ts, kind, node, detail) VALUES (?, ?, ?, ?, ?)')
    .run(cluster, event.ts, event.kind, event.node, event.detail);
  if ((lastPruned.get(cluster) ?? 0) < Date.now() - PRUNE_EVERY_MS) pruneEvents(cluster);
}

/** Deletes the cluster's events past their retention, and the oldest beyond the per-cluster limit; returns how many. */
export function pruneEvents(cluster: string, now = Date.now()): number {
  const { eventRetentionDays, eventsPerClusterMax } = config().store;
  const db = getStore();
  lastPruned.set(cluster, now);
  return db.transaction(() => {
    const old = db
      .prepare('DELETE FROM cluster_events WHERE cluster = ? AND ts < ?')
      .run(cluster, now - eventRetentionDays * 86_400_000).changes;
    const excess = db
      .prepare(
        'DELETE FROM cluster_events WHERE cluster = ? AND id <= (SELECT id FROM cluster_events WHERE cluster = ? ORDER BY id DESC LIMIT 1 OFFSET ?)',
      )
      .run(cluster, cluster, eventsPerClusterMax).changes;
    return old + excess;
  })();
}

export function eventsBetween(cluster: string, from: number, to: number, limit = 2000): ClusterEvent[] {
  const rows = getStore()
    .prepare(
      'SELECT ts, kind, node, detail FROM cluster_events WHERE cluster = ? AND ts BETWEEN ? AND ? ORDER BY ts LIMIT ?',
    )
    .all(cluster, from, to, limit);
  return readRows('cluster event', clusterEventSchema, rows);
}

/** The cluster's newest events, newest first, leaving out the kinds named (the index on (cluster, ts) serves it). */
export function latestEvents(cluster: string, limit: number, except: readonly EventKind[] = []): ClusterEvent[] {
  const rows = getStore()
    .prepare(
      `SELECT ts, kind, node, detail FROM cluster_events WHERE cluster = ? ${except.length ? `AND kind NOT IN (${except.map(() => '?').join(', ')})` : ''} ORDER BY ts DESC LIMIT ?`,
    )
    .all(cluster, ...except, limit);
  return readRows('cluster event', clusterEventSchema, rows);
}
