import 'server-only';
/**
 * The repair scheduler: one per console process, started with the server (not by a page). Every
 * 30 s, and at once when a schedule is added or changed, it looks at the enabled schedules that are
 * due and starts each one's run through startRepair, as `schedule <id>`. A schedule whose keyspace
 * another run still covers (queued, running or paused) is postponed — said on the schedule and in
 * the log — and started once that run ends. Occurrences missed while the console was down (or the
 * schedule postponed or paused) become one run, not a burst; the next is due at the first occurrence
 * after that run started. A run that cannot start (keyspace gone, cluster unreachable) is tried
 * again 5 minutes later, saying why each time.
 */
import { getJob, jobsInStates } from '../jobs/job-store';
import { ACTIVE_STATES, type Job } from '../jobs/job-types';
import { logger, type Logger } from '../log/logger';
import { processSingleton } from '../process-singleton';
import { getStore } from '../store';
import type { Store } from '../store/database';
import type { RepairSettings } from './repair-plan';
import { startRepair } from './repair-service';
import { changeSchedule, claimSchedule, dueSchedules, getSchedule, listAllSchedules } from './schedule-store';
import { nextOccurrence, occurrencesDue } from './schedule-time';
import type { RepairSchedule } from './schedule-types';

export const TICK_MS = 30_000;
/** A start that failed is tried again this much later. */
export const RETRY_MS = 5 * 60_000;
/** How long a claim holds a schedule while its run is being started (previewRepair reads the ring). */
const CLAIM_MS = 10 * 60_000;

export interface SchedulerDeps {
  db: Store;
  /** Starts a repair run (startRepair in the console); throws with the reason when it cannot. */
  start: (clusterId: string, settings: RepairSettings, by: string) => Promise<{ id: string; segments: number }>;
  now?: () => number;
  log?: Logger;
}

export type TickOutcome =
  | { scheduleId: string; outcome: 'started'; runId: string; missed: number }
  | { scheduleId: string; outcome: 'postponed'; blockedBy: string }
  | { scheduleId: string; outcome: 'failed'; message: string }
  | { scheduleId: string; outcome: 'taken' };

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The active repair run (queued, running or paused) of this keyspace, if any. */
export function activeRunOf(db: Store, clusterId: string, keyspace: string): Job | undefined {
  return jobsInStates(db, ACTIVE_STATES).find(
    (j) => j.kind === 'repair' && j.clusterId === clusterId && j.target.keyspace === keyspace,
  );
}

export class RepairScheduler {
  private readonly db: Store;
  private readonly now: () => number;
  private readonly log: Logger;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<TickOutcome[]> | null = null;
  private again = false;

  constructor(private readonly deps: SchedulerDeps) {
    this.db = deps.db;
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? logger('repair-scheduler');
  }

  /** Starts the periodic check; the first one runs at once (catching up what fell due while the console was down). */
  start(): void {
    if (this.timer) return;
    const schedules = listAllSchedules(this.db).filter((s) => s.enabled);
    const now = this.now();
    const overdue = schedules.filter((s) => s.nextDueAt <= now);
    this.log.info(
      { schedules: schedules.length, due: overdue.length },
      `repair scheduler started: ${schedules.length} enabled schedule(s)${
        overdue.length
          ? `, ${overdue.length} due now: ${overdue
              .map(
                (s) =>
                  `${s.clusterId}/${s.keyspace} (due since ${iso(s.nextDueAt)}, ${occurrencesDue(s.nextDueAt, s.intervalDays, now)} occurrence(s); one run)`,
              )
              .join(', ')}`
          : ''
      }`,
    );
    this.timer = setInterval(() => this.nudge(), TICK_MS);
    this.timer.unref?.();
    this.nudge();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  get started(): boolean {
    return this.timer !== undefined;
  }

  /** A check soon (a schedule was added, changed or resumed); failures are logged, never thrown. */
  nudge(): void {
    void this.tick().catch((error: unknown) =>
      this.log.error({ err: error }, `repair scheduler check failed: ${(error as Error).message}`),
    );
  }

  /** One check of every due schedule; a check asked while one runs follows it. */
  async tick(): Promise<TickOutcome[]> {
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    this.ticking = (async () => {
      const outcomes: TickOutcome[] = [];
      do {
        this.again = false;
        for (const schedule of dueSchedules(this.db, this.now())) outcomes.push(await this.consider(schedule));
      } while (this.again);
      return outcomes;
    })();
    try {
      return await this.ticking;
    } finally {
      this.ticking = null;
    }
  }

  private postpone(schedule: RepairSchedule, run: Job, now: number): TickOutcome {
    const message = `postponed: repair run ${run.id} (${run.state}) still covers ${schedule.keyspace}; this run starts once it ends (due since ${iso(schedule.nextDueAt)})`;
    // Said once per cause, not every 30 s; the row keeps when the postponement began.
    if (schedule.lastEvent !== 'postponed' || schedule.lastMessage !== message) {
      changeSchedule(this.db, schedule.id, { lastEvent: 'postponed', lastEventAt: now, lastMessage: message });
      this.log.warn(
        { scheduleId: schedule.id, clusterId: schedule.clusterId, keyspace: schedule.keyspace, blockedBy: run.id },
        `repair schedule ${schedule.id} (${schedule.clusterId}/${schedule.keyspace}) ${message}`,
      );
    }
    return { scheduleId: schedule.id, outcome: 'postponed', blockedBy: run.id };
  }

  private async consider(schedule: RepairSchedule): Promise<TickOutcome> {
    const now = this.now();
    const active = activeRunOf(this.db, schedule.clusterId, schedule.keyspace);
    if (active) return this.postpone(schedule, active, now);
    if (!claimSchedule(this.db, schedule.id, schedule.nextCheckAt, now + CLAIM_MS))
      return { scheduleId: schedule.id, outcome: 'taken' };
    const missed = occurrencesDue(schedule.nextDueAt, schedule.intervalDays, now);
    const where = { scheduleId: schedule.id, clusterId: schedule.clusterId, keyspace: schedule.keyspace };
    try {
      const run = await this.deps.start(schedule.clusterId, schedule.settings, `schedule ${schedule.id}`);
      // Read again: the schedule may have been changed while the run was being planned.
      const current = getSchedule(this.db, schedule.id) ?? schedule;
      const next = nextOccurrence(current.firstStartAt, current.intervalDays, now, true);
      const message = `started run ${run.id} (${run.segments} segments), due ${iso(schedule.nextDueAt)}${
        missed > 1
          ? `; ${missed} occurrences had fallen due since then (console down, paused or postponed): one run for them all`
          : ''
      }`;
      changeSchedule(this.db, schedule.id, {
        lastRunId: run.id,
        lastRunAt: now,
        lastEvent: 'started',
        lastEventAt: now,
        lastMessage: message,
        nextDueAt: next,
        nextCheckAt: next,
      });
      this.log.info(
        { ...where, runId: run.id, missed, nextDueAt: next },
        `repair schedule ${schedule.id}: ${message}; next due ${iso(next)}`,
      );
      return { scheduleId: schedule.id, outcome: 'started', runId: run.id, missed };
    } catch (error) {
      // Another run of the keyspace started between the check and now (by hand): wait for it like any other.
      const raced = activeRunOf(this.db, schedule.clusterId, schedule.keyspace);
      if (raced) {
        changeSchedule(this.db, schedule.id, { nextCheckAt: now });
        return this.postpone(schedule, raced, now);
      }
      const retryAt = now + RETRY_MS;
      const message = `could not start: ${(error as Error).message}; trying again at ${iso(retryAt)}`;
      changeSchedule(this.db, schedule.id, {
        lastEvent: 'failed',
        lastEventAt: now,
        lastMessage: message,
        nextCheckAt: retryAt,
      });
      this.log.warn(
        { ...where, err: error },
        `repair schedule ${schedule.id} (${schedule.clusterId}/${schedule.keyspace}) ${message}`,
      );
      return { scheduleId: schedule.id, outcome: 'failed', message };
    }
  }
}

/** The last run's state beside each schedule. */
export function lastRunOf(db: Store, schedule: RepairSchedule): { state: string | null; message: string | null } {
  if (!schedule.lastRunId) return { state: null, message: null };
  try {
    const job = getJob(db, schedule.lastRunId);
    return job
      ? { state: job.state, message: job.message }
      : { state: 'deleted', message: 'the run is no longer in the store' };
  } catch (error) {
    return { state: 'unreadable', message: (error as Error).message };
  }
}

export function repairScheduler(): RepairScheduler {
  return processSingleton(
    'repair-scheduler',
    () =>
      new RepairScheduler({ db: getStore(), start: (clusterId, settings, by) => startRepair(clusterId, settings, by) }),
  );
}

/** Called once at server start, after the job runner has taken back the runs a stopped console left. */
export function startRepairScheduler(): void {
  repairScheduler().start();
}
