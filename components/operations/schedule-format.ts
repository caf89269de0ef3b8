/**
 * Repair schedules and the gc_grace_seconds warning as the activity page words them, and the add
 * form's fields to `repair.createSchedule`'s input. The server validates again (its message is shown
 * as it is); this only catches what is certainly wrong before sending. Pure.
 */
import type { TableRepairStatus } from '@/server/repair/gc-grace';
import type { ScheduleInput, ScheduleView } from '@/server/repair/schedule-types';

export interface ScheduleForm {
  keyspace: string;
  /** Comma-separated; empty for every table. */
  tables: string;
  incremental: boolean;
  /** As typed: a whole number of days. */
  intervalDays: string;
  /** A `<input type="datetime-local">` value, the browser's time zone. */
  firstStart: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch milliseconds as a datetime-local value (minutes), in the browser's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A new form: weekly, from the next whole hour. */
export function emptyScheduleForm(now: number): ScheduleForm {
  return {
    keyspace: '',
    tables: '',
    incremental: false,
    intervalDays: '7',
    firstStart: toLocalInput(Math.ceil(now / 3600_000) * 3600_000),
  };
}

export type ScheduleFormResult =
  { input: Omit<ScheduleInput, 'enabled'>; problem: null } | { input: null; problem: string };

const refuse = (problem: string): ScheduleFormResult => ({ input: null, problem });

export function scheduleInputOf(form: ScheduleForm): ScheduleFormResult {
  if (!form.keyspace) return refuse('keyspace: choose the keyspace to repair');
  const intervalDays = Number(form.intervalDays.trim());
  if (!/^\d+$/.test(form.intervalDays.trim()) || intervalDays < 1 || intervalDays > 365)
    return refuse(`every: "${form.intervalDays}" is not a whole number of days from 1 to 365`);
  const firstStartAt = form.firstStart ? new Date(form.firstStart).getTime() : Number.NaN;
  if (Number.isNaN(firstStartAt)) return refuse(`first start: "${form.firstStart}" is not a time`);
  const tables = form.tables
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    input: {
      settings: { keyspace: form.keyspace, tables, incremental: form.incremental },
      intervalDays,
      firstStartAt,
    },
    problem: null,
  };
}

export const everyWords = (days: number) => (days === 1 ? 'every day' : `every ${days} days`);

/** `YYYY-MM-DD HH:MM` in the browser's time zone. */
export function localTime(ms: number): string {
  return toLocalInput(ms).replace('T', ' ');
}

/** How far off, to the two largest units ("3 d 4 h", "2 h 10 min", "45 s"). */
export function spanWords(ms: number): string {
  const seconds = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** When the next run is due, as a schedule row reads it. */
export function nextDueWords(s: Pick<ScheduleView, 'enabled' | 'nextDueAt'>, now: number): string {
  if (s.nextDueAt <= now)
    return s.enabled
      ? `now (due since ${localTime(s.nextDueAt)})`
      : `owed since ${localTime(s.nextDueAt)}: runs on resume`;
  return `${localTime(s.nextDueAt)} (in ${spanWords(s.nextDueAt - now)})${s.enabled ? '' : ', paused'}`;
}

/** The last run and the scheduler's latest word on the schedule. */
export function lastOutcomeWords(s: ScheduleView): string {
  const run = s.lastRunId
    ? `run ${s.lastRunId.slice(0, 8)} ${s.lastRunState ?? 'unknown'}${s.lastRunAt ? ` (started ${localTime(s.lastRunAt)})` : ''}`
    : 'no run yet';
  if (s.lastEvent === 'postponed' || s.lastEvent === 'failed') return `${run}; ${s.lastMessage ?? s.lastEvent}`;
  return run;
}

/** What the warning lists: tables past gc_grace_seconds, then those never repaired that are not yet. */
export function gcGraceRows(tables: readonly TableRepairStatus[]): TableRepairStatus[] {
  return tables.filter((t) => t.overdue || t.lastRepair === null);
}

/** A table's last full repair in words. */
export function lastRepairWords(t: TableRepairStatus, now: number): string {
  if (!t.lastRepair)
    return t.createdAt === null
      ? 'never (by Ringside); age unknown'
      : `never (by Ringside); created ${localTime(t.createdAt)}`;
  return `${localTime(t.lastRepair.repairedAsOf)} (${spanWords(now - t.lastRepair.repairedAsOf)} ago, run ${t.lastRepair.id.slice(0, 8)}${
    t.lastRepair.incremental ? ', incremental' : ''
  })`;
}

/** When gc_grace_seconds ran out, or run out. */
export function dueWords(t: TableRepairStatus, now: number): string {
  if (t.dueBy === null) return 'unknown: treated as past';
  return t.overdue
    ? `ran out ${localTime(t.dueBy)} (${spanWords(now - t.dueBy)} ago)`
    : `${localTime(t.dueBy)} (in ${spanWords(t.dueBy - now)})`;
}
