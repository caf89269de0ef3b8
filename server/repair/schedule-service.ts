import 'server-only';
/**
 * Repair schedules as operators manage them: each one checked as a run started by hand would be
 * (the keyspace exists and has two replicas or more, the tables exist — previewRepair), one per
 * keyspace of a cluster. The router turns an absent schedule into NOT_FOUND; every change is in the
 * audit log through operatorProcedure. A change that affects when it runs wakes the scheduler.
 */
import { randomUUID } from 'node:crypto';
import { InvalidInputError } from '../cluster/errors';
import { getStore } from '../store';
import { lastRunOf, repairScheduler } from './repair-scheduler';
import { previewRepair } from './repair-service';
import {
  changeSchedule,
  deleteSchedule,
  getSchedule,
  insertSchedule,
  listSchedules,
  scheduleOfKeyspace,
  type ScheduleChangeFields,
} from './schedule-store';
import { nextOccurrence } from './schedule-time';
import type { RepairSchedule, ScheduleChange, ScheduleView } from './schedule-types';
import type { RepairSettings } from './repair-plan';

export class ScheduleInputError extends InvalidInputError {}

function viewOf(schedule: RepairSchedule): ScheduleView {
  const last = lastRunOf(getStore(), schedule);
  return { ...schedule, lastRunState: last.state, lastRunMessage: last.message };
}

function wake(): void {
  const scheduler = repairScheduler();
  if (scheduler.started) scheduler.nudge();
}

function refuseSecond(clusterId: string, keyspace: string, except?: string): void {
  const other = scheduleOfKeyspace(getStore(), clusterId, keyspace);
  if (other && other.id !== except)
    throw new ScheduleInputError(
      `schedule ${other.id} already repairs ${keyspace} every ${other.intervalDays} day(s): change that one instead`,
    );
}

/** A write the store's one-schedule-per-keyspace index refused (another request got there first) is said as the check says it. */
function unlessRaced(clusterId: string, keyspace: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') refuseSecond(clusterId, keyspace);
    throw error;
  }
}

const every = (days: number) => (days === 1 ? 'every day' : `every ${days} days`);

export function schedulesOf(clusterId: string): ScheduleView[] {
  return listSchedules(getStore(), clusterId).map(viewOf);
}

/** The schedule of this cluster, or undefined (a schedule of another cluster is not found here either). */
function scheduleOf(clusterId: string, id: string): RepairSchedule | undefined {
  const schedule = getSchedule(getStore(), id);
  return schedule?.clusterId === clusterId ? schedule : undefined;
}

export async function createSchedule(
  clusterId: string,
  input: { settings: RepairSettings; intervalDays: number; firstStartAt: number; enabled: boolean },
  by: string,
  now = Date.now(),
): Promise<ScheduleView> {
  const { settings } = await previewRepair(clusterId, input.settings);
  refuseSecond(clusterId, settings.keyspace);
  const id = randomUUID();
  unlessRaced(clusterId, settings.keyspace, () =>
    insertSchedule(getStore(), {
      id,
      clusterId,
      settings,
      intervalDays: input.intervalDays,
      firstStartAt: input.firstStartAt,
      enabled: input.enabled,
      createdBy: by,
      createdAt: now,
      nextDueAt: nextOccurrence(input.firstStartAt, input.intervalDays, now),
    }),
  );
  wake();
  return viewOf(getSchedule(getStore(), id)!);
}

/**
 * Changes what a schedule repairs or when. A new interval or first start moves the next occurrence to
 * the first one at or after now; any change clears a retry back-off, so a fixed schedule is tried at once when due.
 */
export async function updateSchedule(
  clusterId: string,
  id: string,
  change: ScheduleChange,
  by: string,
  now = Date.now(),
): Promise<ScheduleView | undefined> {
  const schedule = scheduleOf(clusterId, id);
  if (!schedule) return undefined;
  const fields: ScheduleChangeFields = { updatedBy: by, updatedAt: now };
  if (change.settings) {
    fields.settings = (await previewRepair(clusterId, change.settings)).settings;
    refuseSecond(clusterId, fields.settings.keyspace, id);
  }
  const intervalDays = change.intervalDays ?? schedule.intervalDays;
  const firstStartAt = change.firstStartAt ?? schedule.firstStartAt;
  if (intervalDays !== schedule.intervalDays || firstStartAt !== schedule.firstStartAt) {
    fields.intervalDays = intervalDays;
    fields.firstStartAt = firstStartAt;
    fields.nextDueAt = nextOccurrence(firstStartAt, intervalDays, now);
  }
  fields.nextCheckAt = fields.nextDueAt ?? schedule.nextDueAt;
  unlessRaced(clusterId, fields.settings?.keyspace ?? schedule.keyspace, () => changeSchedule(getStore(), id, fields));
  wake();
  return viewOf(getSchedule(getStore(), id)!);
}

/** No run starts while paused; the occurrence it owes stays owed. */
export function pauseSchedule(clusterId: string, id: string, by: string, now = Date.now()): ScheduleView | undefined {
  const schedule = scheduleOf(clusterId, id);
  if (!schedule) return undefined;
  if (!schedule.enabled) throw new ScheduleInputError(`schedule ${id} is already paused`);
  changeSchedule(getStore(), id, { enabled: false, updatedBy: by, updatedAt: now });
  return viewOf(getSchedule(getStore(), id)!);
}

/**
 * Runs again from its next occurrence; one that fell due while it was paused is owed, and one run
 * starts at once for it (several missed ones are still one run).
 */
export function resumeSchedule(clusterId: string, id: string, by: string, now = Date.now()): ScheduleView | undefined {
  const schedule = scheduleOf(clusterId, id);
  if (!schedule) return undefined;
  if (schedule.enabled) throw new ScheduleInputError(`schedule ${id} is not paused`);
  changeSchedule(getStore(), id, { enabled: true, nextCheckAt: schedule.nextDueAt, updatedBy: by, updatedAt: now });
  wake();
  return viewOf(getSchedule(getStore(), id)!);
}

/** Removes the schedule; the runs it started stay in the jobs. */
export function removeSchedule(clusterId: string, id: string): { deleted: boolean; message: string } | undefined {
  const schedule = scheduleOf(clusterId, id);
  if (!schedule) return undefined;
  deleteSchedule(getStore(), id);
  return {
    deleted: true,
    message: `schedule of ${schedule.keyspace} (${every(schedule.intervalDays)}) deleted; its runs stay in the activity list`,
  };
}
