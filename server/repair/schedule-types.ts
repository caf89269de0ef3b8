/**
 * What a repair schedule is: the shapes the store keeps, the router takes and the activity page
 * reads. Pure types and zod schemas (no store, no cluster), so the browser can import the types.
 */
import { z } from 'zod';
import { repairSettingsSchema, type RepairSettings } from './repair-plan';

/** 2020-01-01 and 2100-01-01 UTC: a first start outside is a typo, not a plan. */
const EARLIEST = Date.UTC(2020, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

export const scheduleInputSchema = z.object({
  /** What each run repairs and how: the same settings a run started by hand takes (its keyspace and tables included). */
  settings: repairSettingsSchema,
  /** A run every this many days (24 h each). */
  intervalDays: z.number().int().min(1).max(365),
  /** The first occurrence, epoch milliseconds; the others follow every intervalDays. */
  firstStartAt: z.number().int().min(EARLIEST).max(LATEST),
  enabled: z.boolean().default(true),
});
export type ScheduleInput = z.input<typeof scheduleInputSchema>;

export const scheduleChangeSchema = scheduleInputSchema.omit({ enabled: true }).partial();
export type ScheduleChange = z.output<typeof scheduleChangeSchema>;

export const SCHEDULE_EVENTS = ['started', 'postponed', 'failed'] as const;
export type ScheduleEvent = (typeof SCHEDULE_EVENTS)[number];

export interface RepairSchedule {
  id: string;
  clusterId: string;
  keyspace: string;
  settings: RepairSettings;
  intervalDays: number;
  firstStartAt: number;
  enabled: boolean;
  createdBy: string | null;
  createdAt: number;
  updatedBy: string | null;
  updatedAt: number;
  /** The occurrence the scheduler owes next (in the past while postponed, or missed while paused or down). */
  nextDueAt: number;
  /** When the scheduler looks at it again: nextDueAt, or later after a start that failed. */
  nextCheckAt: number;
  lastRunId: string | null;
  lastRunAt: number | null;
  /** The scheduler's latest word on it: a run started, postponed (and why), or could not start (and why). */
  lastEvent: ScheduleEvent | null;
  lastEventAt: number | null;
  lastMessage: string | null;
}

/** A schedule as the activity page shows it: with its last run's state, read from the jobs. */
export interface ScheduleView extends RepairSchedule {
  lastRunState: string | null;
  lastRunMessage: string | null;
}
