/**
 * The repair scheduler against a real console store (a temporary SQLite file), its clock and the
 * start of a run faked: due times, a schedule postponed while its keyspace's run is active (said once,
 * then started when the run ends), catch-up after the console was down (one run, not a burst), a
 * start that fails tried again later, paused schedules left alone, and two consoles on one store.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { insertJob, updateJob } from '../jobs/job-store';
import { createLogger } from '../log/logger';
import { openStore, type Store } from '../store/database';
import { repairSettingsSchema, type RepairSettings } from './repair-plan';
import { RepairScheduler, RETRY_MS, TICK_MS } from './repair-scheduler';
import { claimSchedule, getSchedule, insertSchedule } from './schedule-store';
import { DAY_MS } from './schedule-time';

const T0 = Date.UTC(2025, 2, 3, 2, 0);

let db: Store;
let clock: number;
let lines: { msg: string; level: number }[];
let starts: { clusterId: string; keyspace: string; by: string }[];
let refuse: string | null;

function addRun(keyspace: string, state: 'queued' | 'running' | 'paused' = 'running'): string {
  const id = `run-${keyspace}-${Math.random().toString(36).slice(2, 8)}`;
  insertJob(db, {
    id,
    clusterId: 'prod',
    kind: 'repair',
    target: { scope: 'cluster', keyspace, tables: [] },
    params: {},
    rolling: null,
    requestedBy: 'someone',
    createdAt: clock,
    steps: [],
  });
  if (state !== 'queued') updateJob(db, id, { state });
  return id;
}

function scheduler(): RepairScheduler {
  const log = createLogger(
    { RINGSIDE_LOG_LEVEL: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line)) },
  );
  return new RepairScheduler({
    db,
    now: () => clock,
    log,
    start: async (clusterId, settings: RepairSettings, by) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (refuse) throw new Error(refuse);
      starts.push({ clusterId, keyspace: settings.keyspace, by });
      return { id: addRun(settings.keyspace, 'queued'), segments: 48 };
    },
  });
}

function schedule(
  id: string,
  keyspace: string,
  change: { firstStartAt?: number; intervalDays?: number; enabled?: boolean; nextDueAt?: number } = {},
) {
  const firstStartAt = change.firstStartAt ?? T0;
  insertSchedule(db, {
    id,
    clusterId: 'prod',
    settings: repairSettingsSchema.parse({ keyspace }),
    intervalDays: change.intervalDays ?? 1,
    firstStartAt,
    enabled: change.enabled ?? true,
    createdBy: 'op@example.com',
    createdAt: T0 - DAY_MS,
    nextDueAt: change.nextDueAt ?? firstStartAt,
  });
}

beforeEach(() => {
  db = openStore(mkdtempSync(join(tmpdir(), 'ringside-schedules-')));
  clock = T0 - 60_000;
  lines = [];
  starts = [];
  refuse = null;
});

describe('repair scheduler', () => {
  it('starts a run when due, as the schedule, and moves on to the next occurrence', async () => {
    schedule('s1', 'shop', { intervalDays: 7 });
    const s = scheduler();
    expect(await s.tick()).toEqual([]);
    clock = T0 + 10_000;
    const [outcome] = await s.tick();
    expect(outcome).toMatchObject({ scheduleId: 's1', outcome: 'started', missed: 1 });
    expect(starts).toEqual([{ clusterId: 'prod', keyspace: 'shop', by: 'schedule s1' }]);
    const after = getSchedule(db, 's1')!;
    expect(after).toMatchObject({
      lastEvent: 'started',
      lastRunAt: T0 + 10_000,
      nextDueAt: T0 + 7 * DAY_MS,
      nextCheckAt: T0 + 7 * DAY_MS,
    });
    expect(after.lastRunId).toBe(outcome!.outcome === 'started' ? outcome!.runId : null);
    expect(after.lastMessage).toMatch(/^started run run-shop-\w+ \(48 segments\), due 2025-03-03T02:00:00Z$/);
    // Nothing more until then.
    clock += TICK_MS;
    expect(await s.tick()).toEqual([]);
    expect(lines.some((l) => /repair schedule s1: started run .* next due 2025-03-10T02:00:00Z/.test(l.msg))).toBe(
      true,
    );
  });

  it('postpones while a run of the keyspace is active, says so once, and starts when it ends', async () => {
    schedule('s1', 'shop');
    const blocking = addRun('shop', 'paused');
    addRun('billing', 'running'); // another keyspace's run holds nothing back
    clock = T0 + 1000;
    expect(await scheduler().tick()).toEqual([{ scheduleId: 's1', outcome: 'postponed', blockedBy: blocking }]);
    const s = scheduler();
    clock += TICK_MS;
    await s.tick();
    expect(starts).toEqual([]);
    expect(getSchedule(db, 's1')).toMatchObject({
      lastEvent: 'postponed',
      lastEventAt: T0 + 1000,
      lastMessage: `postponed: repair run ${blocking} (paused) still covers shop; this run starts once it ends (due since 2025-03-03T02:00:00Z)`,
      nextDueAt: T0,
      lastRunId: null,
    });
    const warnings = lines.filter((l) => l.level === 40 && l.msg.includes('postponed'));
    expect(warnings).toHaveLength(1);

    // The run ends 30 h later, past the next occurrence too: one run, and the one after is next.
    updateJob(db, blocking, { state: 'succeeded' });
    clock = T0 + 30 * 3600_000;
    const [outcome] = await s.tick();
    expect(outcome).toMatchObject({ outcome: 'started', missed: 2 });
    expect(starts).toHaveLength(1);
    expect(getSchedule(db, 's1')).toMatchObject({ lastEvent: 'started', nextDueAt: T0 + 2 * DAY_MS });
    expect(getSchedule(db, 's1')!.lastMessage).toMatch(
      /2 occurrences had fallen due since then .*: one run for them all/,
    );
  });

  it('after the console was down over several occurrences, starts one run at start-up, not a burst', async () => {
    schedule('s1', 'shop', { nextDueAt: T0 });
    schedule('later', 'billing', { firstStartAt: T0 + 10 * DAY_MS });
    clock = T0 + 3 * DAY_MS + 3600_000; // down for three days and an hour
    const s = scheduler();
    s.start();
    try {
      await s.tick();
      await s.tick();
    } finally {
      s.stop();
    }
    expect(starts).toEqual([{ clusterId: 'prod', keyspace: 'shop', by: 'schedule s1' }]);
    expect(getSchedule(db, 's1')).toMatchObject({ nextDueAt: T0 + 4 * DAY_MS });
    expect(getSchedule(db, 's1')!.lastMessage).toMatch(/4 occurrences had fallen due/);
    expect(getSchedule(db, 'later')).toMatchObject({ lastEvent: null, nextDueAt: T0 + 10 * DAY_MS });
    expect(lines.find((l) => l.msg.startsWith('repair scheduler started'))?.msg).toBe(
      'repair scheduler started: 2 enabled schedule(s), 1 due now: prod/shop (due since 2025-03-03T02:00:00Z, 4 occurrence(s); one run)',
    );
  });

  it('records a start that fails with the reason, and tries again after the back-off', async () => {
    schedule('s1', 'gone');
    refuse = 'no keyspace "gone" in cluster prod';
    clock = T0;
    expect(await scheduler().tick()).toEqual([
      {
        scheduleId: 's1',
        outcome: 'failed',
        message: 'could not start: no keyspace "gone" in cluster prod; trying again at 2025-03-03T02:05:00Z',
      },
    ]);
    expect(getSchedule(db, 's1')).toMatchObject({ lastEvent: 'failed', nextDueAt: T0, nextCheckAt: T0 + RETRY_MS });
    expect(lines.some((l) => l.level === 40 && l.msg.includes('could not start: no keyspace "gone"'))).toBe(true);
    clock = T0 + RETRY_MS - 1;
    expect(await scheduler().tick()).toEqual([]);
    refuse = null;
    clock = T0 + RETRY_MS;
    expect((await scheduler().tick())[0]).toMatchObject({ outcome: 'started' });
  });

  it('leaves a paused schedule alone', async () => {
    schedule('s1', 'shop', { enabled: false });
    clock = T0 + 5 * DAY_MS;
    expect(await scheduler().tick()).toEqual([]);
    expect(starts).toEqual([]);
  });

  it('starts a due schedule once when two consoles share the store', async () => {
    schedule('s1', 'shop');
    clock = T0;
    const outcomes = (await Promise.all([scheduler().tick(), scheduler().tick()])).flat();
    expect(outcomes.map((o) => o.outcome)).toEqual(['started']);
    expect(starts).toHaveLength(1);
    // A console that read it as due before that claim (a compare-and-set on its next check) cannot take it.
    expect(claimSchedule(db, 's1', T0, T0 + 1)).toBe(false);
    expect(getSchedule(db, 's1')!.nextCheckAt).toBe(T0 + DAY_MS);
  });
});
