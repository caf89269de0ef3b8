import 'server-only';
/**
 * The repository of repair schedules: the `repair_schedules` table (migration 9), one row per
 * keyspace of a cluster. Every read goes through zod; the scheduler claims a due schedule with a
 * compare-and-set on `next_check_at`, so two console processes sharing a store never start it twice.
 */
import { z } from 'zod';
import type { Store } from '../store/database';
import { readRow, readRows } from '../store/rows';
import { repairSettingsSchema } from './repair-plan';
import { SCHEDULE_EVENTS, type RepairSchedule, type ScheduleEvent } from './schedule-types';

const scheduleRow = z.object({
  id: z.string(),
  cluster: z.string(),
  keyspace: z.string(),
  settings: z.string().transform((text) => repairSettingsSchema.parse(JSON.parse(text))),
  interval_days: z.number().int(),
  first_start_at: z.number().int(),
  enabled: z.number().int(),
  created_by: z.string().nullable(),
  created_at: z.number().int(),
  updated_by: z.string().nullable(),
  updated_at: z.number().int(),
  next_due_at: z.number().int(),
  next_check_at: z.number().int(),
  last_run_id: z.string().nullable(),
  last_run_at: z.number().int().nullable(),
  last_event: z.enum(SCHEDULE_EVENTS).nullable(),
  last_event_at: z.number().int().nullable(),
  last_message: z.string().nullable(),
});

function toSchedule(row: z.output<typeof scheduleRow>): RepairSchedule {
  return {
    id: row.id,
    clusterId: row.cluster,
    keyspace: row.keyspace,
    settings: row.settings,
    intervalDays: row.interval_days,
    firstStartAt: row.first_start_at,
    enabled: row.enabled === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    nextDueAt: row.next_due_at,
    nextCheckAt: row.next_check_at,
    lastRunId: row.last_run_id,
    lastRunAt: row.last_run_at,
    lastEvent: row.last_event,
    lastEventAt: row.last_event_at,
    lastMessage: row.last_message,
  };
}

const read = (rows: unknown[]) => readRows('repair_schedules', scheduleRow, rows).map(toSchedule);

export type NewSchedule = Pick<
  RepairSchedule,
  | 'id'
  | 'clusterId'
  | 'settings'
  | 'intervalDays'
  | 'firstStartAt'
  | 'enabled'
  | 'createdBy'
  | 'createdAt'
  | 'nextDueAt'
>;

export function insertSchedule(db: Store, s: NewSchedule): void {
  db.prepare(
    `INSERT INTO repair_schedules (id, cluster, keyspace, settings, interval_days, first_start_at, enabled, created_by,
       created_at, updated_by, updated_at, next_due_at, next_check_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.id,
    s.clusterId,
    s.settings.keyspace,
    JSON.stringify(s.settings),
    s.intervalDays,
    s.firstStartAt,
    s.enabled ? 1 : 0,
    s.createdBy,
    s.createdAt,
    s.createdBy,
    s.createdAt,
    s.nextDueAt,
    s.nextDueAt,
  );
}

export function getSchedule(db: Store, id: string): RepairSchedule | undefined {
  const row = readRow(
    'repair_schedules',
    scheduleRow,
    db.prepare('SELECT * FROM repair_schedules WHERE id = ?').get(id),
  );
  return row && toSchedule(row);
}

/** A cluster's schedules, by keyspace. */
export function listSchedules(db: Store, clusterId: string): RepairSchedule[] {
  return read(db.prepare('SELECT * FROM repair_schedules WHERE cluster = ? ORDER BY keyspace, id').all(clusterId));
}

/** Every cluster's schedules (the scheduler's start-up line). */
export function listAllSchedules(db: Store): RepairSchedule[] {
  return read(db.prepare('SELECT * FROM repair_schedules ORDER BY cluster, keyspace, id').all());
}

export function scheduleOfKeyspace(db: Store, clusterId: string, keyspace: string): RepairSchedule | undefined {
  const row = readRow(
    'repair_schedules',
    scheduleRow,
    db.prepare('SELECT * FROM repair_schedules WHERE cluster = ? AND keyspace = ?').get(clusterId, keyspace),
  );
  return row && toSchedule(row);
}

/** Enabled schedules the scheduler should look at by `now`, any cluster, the longest waiting first. */
export function dueSchedules(db: Store, now: number): RepairSchedule[] {
  return read(
    db
      .prepare('SELECT * FROM repair_schedules WHERE enabled = 1 AND next_check_at <= ? ORDER BY next_check_at, id')
      .all(now),
  );
}

export interface ScheduleChangeFields {
  settings?: RepairSchedule['settings'];
  intervalDays?: number;
  firstStartAt?: number;
  enabled?: boolean;
  nextDueAt?: number;
  nextCheckAt?: number;
  lastRunId?: string;
  lastRunAt?: number;
  lastEvent?: ScheduleEvent;
  lastEventAt?: number;
  lastMessage?: string | null;
  updatedBy?: string | null;
  updatedAt?: number;
}

const COLUMNS: Record<keyof ScheduleChangeFields, string> = {
  settings: 'settings',
  intervalDays: 'interval_days',
  firstStartAt: 'first_start_at',
  enabled: 'enabled',
  nextDueAt: 'next_due_at',
  nextCheckAt: 'next_check_at',
  lastRunId: 'last_run_id',
  lastRunAt: 'last_run_at',
  lastEvent: 'last_event',
  lastEventAt: 'last_event_at',
  lastMessage: 'last_message',
  updatedBy: 'updated_by',
  updatedAt: 'updated_at',
};

function encode(key: keyof ScheduleChangeFields, value: unknown): unknown {
  if (key === 'settings') return JSON.stringify(value);
  if (key === 'enabled') return value ? 1 : 0;
  return value;
}

/** Changes the given fields (the settings' keyspace too); false when there is no such schedule. */
export function changeSchedule(db: Store, id: string, change: ScheduleChangeFields): boolean {
  const keys = (Object.keys(change) as (keyof ScheduleChangeFields)[]).filter((k) => change[k] !== undefined);
  if (keys.length === 0) return getSchedule(db, id) !== undefined;
  const sets = keys.map((k) => `${COLUMNS[k]} = ?`);
  const values = keys.map((k) => encode(k, change[k]));
  if (change.settings) {
    sets.push('keyspace = ?');
    values.push(change.settings.keyspace);
  }
  return db.prepare(`UPDATE repair_schedules SET ${sets.join(', ')} WHERE id = ?`).run(...values, id).changes === 1;
}

/**
 * Takes a due schedule for one start attempt: moves its next check to `until` only if it is still
 * `expectedCheckAt` and enabled. False when another process took it first, or it was changed.
 */
export function claimSchedule(db: Store, id: string, expectedCheckAt: number, until: number): boolean {
  return (
    db
      .prepare('UPDATE repair_schedules SET next_check_at = ? WHERE id = ? AND next_check_at = ? AND enabled = 1')
      .run(until, id, expectedCheckAt).changes === 1
  );
}

export function deleteSchedule(db: Store, id: string): boolean {
  return db.prepare('DELETE FROM repair_schedules WHERE id = ?').run(id).changes === 1;
}
