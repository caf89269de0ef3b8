import 'server-only';
/**
 * Each table's gc_grace_seconds, age and keyspace replication read from system_schema (one query of
 * tables, one of keyspaces), beside the repair runs of the jobs store: the activity page's warning,
 * and the alert monitor's `repair-overdue` observations. The monitor keeps the table list until the
 * cluster's schema version changes (or an hour has passed), so watching adds no steady polling.
 */
import { z } from 'zod';
import { driverFor } from '../cluster/registry';
import { cqlNumber, cqlUuid, rowReader, textMap } from '../cluster/rows';
import { getStore } from '../store';
import { repairCoverage, replicasOf, timeUuidMillis, type RepairCoverage, type TableGrace } from './gc-grace';
import { fullRepairRuns } from './repair-history';

const tableRow = rowReader(
  'system_schema.tables',
  z.object({ keyspace_name: z.string(), table_name: z.string(), id: cqlUuid, gc_grace_seconds: cqlNumber }),
);
const keyspaceRow = rowReader('system_schema.keyspaces', z.object({ keyspace_name: z.string(), replication: textMap }));

export async function readTableGrace(clusterId: string): Promise<TableGrace[]> {
  const client = await driverFor(clusterId);
  const [tables, keyspaces] = await Promise.all([
    client.execute('SELECT keyspace_name, table_name, id, gc_grace_seconds FROM system_schema.tables'),
    client.execute('SELECT keyspace_name, replication FROM system_schema.keyspaces'),
  ]);
  const replicas = new Map(keyspaces.rows.map(keyspaceRow).map((k) => [k.keyspace_name, replicasOf(k.replication)]));
  return tables.rows.map(tableRow).map((t) => ({
    keyspace: t.keyspace_name,
    table: t.table_name,
    gcGraceSeconds: t.gc_grace_seconds,
    createdAt: timeUuidMillis(t.id),
    replicas: replicas.get(t.keyspace_name) ?? 0,
  }));
}

/** The warning's data, read afresh. */
export async function gcGraceReport(clusterId: string, now = Date.now()): Promise<RepairCoverage> {
  const tables = await readTableGrace(clusterId);
  return repairCoverage(tables, fullRepairRuns(getStore(), clusterId), now);
}

const TABLES_MAX_AGE_MS = 3600_000;

/**
 * A cluster's coverage for the alert monitor: the table list is read again only when the schema
 * version (as the shared poller last saw it) changes or after an hour; the runs and the clock are read
 * on every call. A failed read keeps the last list (and is tried again on the next call), so alerts do
 * not clear because the schema could not be read for a moment; with no list at all it throws.
 */
export class CoverageSource {
  private tables: { key: string; at: number; list: TableGrace[] } | null = null;

  constructor(
    private readonly clusterId: string,
    private readonly read: (clusterId: string) => Promise<TableGrace[]> = readTableGrace,
  ) {}

  async coverage(schemaKey: string, now = Date.now()): Promise<RepairCoverage> {
    const stale = !this.tables || this.tables.key !== schemaKey || now - this.tables.at > TABLES_MAX_AGE_MS;
    if (stale) {
      try {
        this.tables = { key: schemaKey, at: now, list: await this.read(this.clusterId) };
      } catch (error) {
        // Kept as it was (key and time too), so the next call reads again.
        if (!this.tables) throw error;
      }
    }
    return repairCoverage(this.tables!.list, fullRepairRuns(getStore(), this.clusterId), now);
  }
}
