/**
 * Which tables have gone longer than their gc_grace_seconds without a full repair, pure. A replica
 * that missed a delete still holds the data after the others have purged the tombstone (compaction
 * may drop it once gc_grace_seconds have passed): unless every range of the table is repaired within
 * gc_grace_seconds, deleted data can come back. Repairs counted are Ringside's own runs only — a
 * run of the table's keyspace that succeeded with every segment repaired (all tables when its table
 * list is empty) — and a table is taken as repaired as of the moment the run's first segment started
 * (everything written before then is consistent once every segment has run). A table never repaired
 * is counted from its creation, read from its id (Cassandra gives a new table a time-based UUID), so a
 * new table is not overdue before it could have been.
 *
 * Left out: system keyspaces, tables with gc_grace_seconds = 0 (their tombstones are purged at once:
 * repair cannot protect them and is not what they rely on), keyspaces with fewer than two replicas in
 * all (nothing to compare; Ringside refuses to repair them), and the console's own metrics history
 * (its tables in keyspace `ringside` are written with a TTL and never deleted from: no tombstone of a
 * delete can be missed, and a lost point is not worth a repair's load).
 */
import { isSystemKeyspace, RINGSIDE_HISTORY_KEYSPACE } from '@/lib/cql/system-keyspaces';

export interface TableGrace {
  keyspace: string;
  table: string;
  gcGraceSeconds: number;
  /** From a time-based table id; null when the id is not one. */
  createdAt: number | null;
  /** Replicas of the keyspace in all data centres. */
  replicas: number;
}

export interface FullRepairRun {
  id: string;
  keyspace: string;
  /** Empty: every table of the keyspace. */
  tables: string[];
  incremental: boolean;
  /** When its first segment started: the table is consistent as of then. */
  repairedAsOf: number;
  finishedAt: number | null;
  requestedBy: string | null;
}

export interface TableRepairStatus {
  keyspace: string;
  table: string;
  gcGraceSeconds: number;
  createdAt: number | null;
  lastRepair: FullRepairRun | null;
  /** When gc_grace_seconds run out: from the last repair, else from creation; null when neither is known. */
  dueBy: number | null;
  /** dueBy has passed (or nothing is known of the table's age and it was never repaired). */
  overdue: boolean;
}

export interface SkippedTable {
  keyspace: string;
  table: string;
  why: string;
}

export interface RepairCoverage {
  checkedAt: number;
  tables: TableRepairStatus[];
  skipped: SkippedTable[];
}

/** A version-1 (time-based) UUID's time in epoch milliseconds; null for any other UUID. */
export function timeUuidMillis(uuid: string): number | null {
  const hex = uuid.toLowerCase();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(hex)) return null;
  const [low, mid, high] = hex.split('-') as [string, string, string];
  // 100-ns intervals since 1582-10-15, the Gregorian reform.
  const ticks = (BigInt(`0x${high.slice(1)}`) << 48n) | (BigInt(`0x${mid}`) << 32n) | BigInt(`0x${low}`);
  return Number(ticks / 10_000n - 12_219_292_800_000n);
}

/** Replicas of a keyspace in all, from system_schema.keyspaces' replication map. */
export function replicasOf(replication: Record<string, string>): number {
  const strategy = replication.class ?? '';
  if (strategy.endsWith('LocalStrategy')) return 1;
  if (strategy.endsWith('SimpleStrategy')) return Number(replication.replication_factor ?? 0) || 0;
  return Object.entries(replication)
    .filter(([key]) => key !== 'class')
    .reduce((sum, [, rf]) => sum + (Number(String(rf).split('/')[0]) || 0), 0);
}

export function covers(run: Pick<FullRepairRun, 'keyspace' | 'tables'>, keyspace: string, table: string): boolean {
  return run.keyspace === keyspace && (run.tables.length === 0 || run.tables.includes(table));
}

export function repairCoverage(
  tables: readonly TableGrace[],
  runs: readonly FullRepairRun[],
  now: number,
): RepairCoverage {
  const byKeyspace = new Map<string, FullRepairRun[]>();
  for (const run of runs) byKeyspace.set(run.keyspace, [...(byKeyspace.get(run.keyspace) ?? []), run]);
  const statuses: TableRepairStatus[] = [];
  const skipped: SkippedTable[] = [];
  for (const t of tables) {
    if (isSystemKeyspace(t.keyspace)) continue;
    if (t.keyspace === RINGSIDE_HISTORY_KEYSPACE) {
      skipped.push({
        keyspace: t.keyspace,
        table: t.table,
        why: 'Ringside’s own metrics history: written with a TTL, never deleted',
      });
      continue;
    }
    if (t.gcGraceSeconds <= 0) {
      skipped.push({ keyspace: t.keyspace, table: t.table, why: 'gc_grace_seconds = 0' });
      continue;
    }
    if (t.replicas < 2) {
      skipped.push({ keyspace: t.keyspace, table: t.table, why: `${t.replicas} replica in all: nothing to repair` });
      continue;
    }
    const last =
      (byKeyspace.get(t.keyspace) ?? [])
        .filter((run) => covers(run, t.keyspace, t.table))
        .reduce<FullRepairRun | null>(
          (best, run) => (!best || run.repairedAsOf > best.repairedAsOf ? run : best),
          null,
        ) ?? null;
    // A run that began before the table existed repaired none of it.
    const lastRepair = last && (t.createdAt === null || last.repairedAsOf >= t.createdAt) ? last : null;
    const from = lastRepair?.repairedAsOf ?? t.createdAt;
    const dueBy = from === null ? null : from + t.gcGraceSeconds * 1000;
    statuses.push({
      keyspace: t.keyspace,
      table: t.table,
      gcGraceSeconds: t.gcGraceSeconds,
      createdAt: t.createdAt,
      lastRepair,
      dueBy,
      overdue: dueBy === null || now > dueBy,
    });
  }
  statuses.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.dueBy ?? -Infinity) - (b.dueBy ?? -Infinity) ||
      a.keyspace.localeCompare(b.keyspace) ||
      a.table.localeCompare(b.table),
  );
  return { checkedAt: now, tables: statuses, skipped };
}

/** Seconds as days, hours or minutes, the way the warning reads them ("10 d", "3 h", "45 min"). */
export function graceWords(seconds: number): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds >= 86_400) return `${(seconds / 86_400).toFixed(1)} d`;
  if (seconds >= 3600) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  if (seconds >= 60) return `${Math.round(seconds / 60)} min`;
  return `${seconds} s`;
}

/**
 * One line on a table's repair state, for an alert's detail and the warning's title. Absolute times
 * only, so the line of a table whose state has not changed stays the same from one check to the next.
 */
export function statusLine(s: TableRepairStatus): string {
  const name = `${s.keyspace}.${s.table}`;
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const grace = `gc_grace_seconds ${s.gcGraceSeconds} (${graceWords(s.gcGraceSeconds)})`;
  const end = s.dueBy === null ? '' : ` ${s.overdue ? 'ran out' : 'runs out'} ${iso(s.dueBy)}`;
  if (s.lastRepair)
    return `${name}: last fully repaired as of ${iso(s.lastRepair.repairedAsOf)} (run ${s.lastRepair.id}${
      s.lastRepair.incremental ? ', incremental' : ''
    }); ${grace}${end}`;
  if (s.createdAt === null)
    return `${name}: never fully repaired by Ringside, age unknown (its id is not time-based); ${grace}`;
  return `${name}: never fully repaired by Ringside since it was created ${iso(s.createdAt)}; ${grace}${end}`;
}
