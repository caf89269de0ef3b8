import 'server-only';
/** Cluster events (node down/up, schema change, a collector gap, an operation), kept to mark them on charts. */
import { getStore } from './index';

export type EventKind = 'node-down' | 'node-up' | 'schema-change' | 'collector-gap' | 'operation';

export interface ClusterEvent {
  ts: number;
  kind: EventKind;
  node: string | null;
  detail: string;
}

export function recordEvent(cluster: string, event: ClusterEvent): void {
  getStore()
    .prepare('INSERT INTO cluster_events (cluster, ts, kind, node, detail) VALUES (?, ?, ?, ?, ?)')
    .run(cluster, event.ts, event.kind, event.node, event.detail);
}

export function eventsBetween(cluster: string, from: number, to: number, limit = 2000): ClusterEvent[] {
  return getStore()
    .prepare(
      'SELECT ts, kind, node, detail FROM cluster_events WHERE cluster = ? AND ts BETWEEN ? AND ? ORDER BY ts LIMIT ?',
    )
    .all(cluster, from, to, limit) as ClusterEvent[];
}
