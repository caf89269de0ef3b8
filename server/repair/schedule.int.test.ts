/**
 * A repair schedule against the real demo cluster: a tiny keyspace (dc1: 2, dc2: 1) scheduled through
 * the router, its first occurrence seconds away; the scheduler (ticked here, as its timer would) starts
 * the run as `schedule <id>` when due and not before, the run repairs every segment, the schedule shows
 * the run and its state, and the gc_grace_seconds report credits the table with that run. The report
 * reads the tables' creation time from their ids and leaves out gc_grace_seconds = 0. The alert
 * monitor, with repair-overdue turned on, fires for a table past its gc_grace_seconds and clears when
 * the table's gc_grace_seconds is raised. The console store is a fresh folder, so no other console
 * process shares these schedules.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cassandra from 'cassandra-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@/localcluster/harness';
import { testCaller } from '@/testing/test-caller';
import { listIncidents } from '../alerts/alert-store';
import { ClusterMonitor } from '../alerts/monitor';
import { closeAll } from '../cluster/registry';
import { getStore } from '../store';
import { repairScheduler } from './repair-scheduler';

process.env.RINGSIDE_DATA_DIR = mkdtempSync(join(tmpdir(), 'ringside-it-schedule-'));
const KS = 'ringside_it_schedule';
const caller = await testCaller();
const client = new cassandra.Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });

beforeAll(async () => {
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await client.execute(
    `CREATE KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
  );
  await client.execute(`CREATE TABLE ${KS}.t (k int PRIMARY KEY, v text)`);
  await client.execute(`CREATE TABLE ${KS}.queue (k int PRIMARY KEY) WITH gc_grace_seconds = 0`);
  await cassandra.concurrent.executeConcurrent(
    client,
    `INSERT INTO ${KS}.t (k, v) VALUES (?, ?)`,
    Array.from({ length: 200 }, (_, i) => [i, `value ${i}`]),
  );
}, 120_000);
afterAll(async () => {
  repairScheduler().stop();
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await client.shutdown();
  await closeAll();
});

describe('repair schedules on the demo cluster', () => {
  it('starts a scheduled run when due, as the schedule; the run repairs the keyspace and counts for gc_grace_seconds', async () => {
    const before = await caller.repair.gcGrace({ clusterId: 'demo' });
    const fresh = before.tables.find((t) => t.keyspace === KS && t.table === 't')!;
    // Created moments ago (its id is a time UUID): never repaired, not due for 10 days.
    expect(Math.abs(fresh.createdAt! - Date.now())).toBeLessThan(120_000);
    expect(fresh).toMatchObject({ gcGraceSeconds: 864_000, lastRepair: null, overdue: false });
    expect(fresh.dueBy).toBe(fresh.createdAt! + 864_000_000);
    expect(before.skipped).toContainEqual({ keyspace: KS, table: 'queue', why: 'gc_grace_seconds = 0' });
    expect(before.tables.some((t) => t.keyspace.startsWith('system'))).toBe(false);

    const firstStartAt = Date.now() + 4000;
    const schedule = await caller.repair.createSchedule({
      clusterId: 'demo',
      settings: { keyspace: KS },
      intervalDays: 1,
      firstStartAt,
    });
    expect(schedule.nextDueAt).toBe(firstStartAt);

    const scheduler = repairScheduler();
    expect(await scheduler.tick()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, firstStartAt - Date.now() + 100));
    const [outcome] = await scheduler.tick();
    if (outcome?.outcome !== 'started') throw new Error(`not started: ${JSON.stringify(outcome)}`);
    expect(await scheduler.tick()).toEqual([]);

    const run = await waitFor(
      'the scheduled run to finish',
      async () => {
        const job = await caller.operations.get({ clusterId: 'demo', id: outcome.runId });
        return ['succeeded', 'failed', 'cancelled'].includes(job.state) ? job : undefined;
      },
      300_000,
      500,
    );
    expect(run.state).toBe('succeeded');
    expect(run.requestedBy).toBe(`schedule ${schedule.id}`);
    expect(run.target.keyspace).toBe(KS);
    expect(run.steps.every((s) => s.state === 'succeeded')).toBe(true);

    const [listed] = await caller.repair.schedules({ clusterId: 'demo' });
    expect(listed).toMatchObject({
      id: schedule.id,
      lastRunId: run.id,
      lastRunState: 'succeeded',
      lastEvent: 'started',
      nextDueAt: firstStartAt + 86_400_000,
    });

    const after = await caller.repair.gcGrace({ clusterId: 'demo' });
    const repaired = after.tables.find((t) => t.keyspace === KS && t.table === 't')!;
    expect(repaired.lastRepair).toMatchObject({ id: run.id, keyspace: KS, tables: [], incremental: false });
    expect(repaired.lastRepair!.repairedAsOf).toBeGreaterThanOrEqual(run.startedAt!);
    expect(repaired.dueBy).toBe(repaired.lastRepair!.repairedAsOf + 864_000_000);
    expect(repaired.overdue).toBe(false);
    console.log(
      `schedule: run ${run.id} of ${KS} started when due, ${run.steps.length} segments repaired in ${Math.round(
        ((run.finishedAt ?? Date.now()) - run.startedAt!) / 1000,
      )} s; ${KS}.t repaired as of ${new Date(repaired.lastRepair!.repairedAsOf).toISOString()}`,
    );
    await caller.repair.deleteSchedule({ clusterId: 'demo', id: schedule.id });
  }, 400_000);

  it('alerts (repair-overdue, turned on) for a table past its gc_grace_seconds, and clears once its gc_grace_seconds is raised', async () => {
    await caller.alerts.saveRule({
      rule: {
        id: 'repair-overdue',
        name: 'Table not repaired within gc_grace_seconds',
        kind: 'repair-overdue',
        severity: 'warning',
        clusters: ['demo'],
      },
    });
    // Made after the run above and never repaired: past its 1 s almost at once.
    await client.execute(`CREATE TABLE ${KS}.brief (k int PRIMARY KEY) WITH gc_grace_seconds = 1`);
    const monitor = new ClusterMonitor('demo');
    monitor.start();
    const member = () =>
      listIncidents(getStore(), { clusterId: 'demo', state: 'firing', limit: 50 })
        .flatMap((i) => i.members)
        .find((m) => m.ruleId === 'repair-overdue' && m.labels.keyspace === KS && m.labels.table === 'brief');
    try {
      const firing = await waitFor('the repair-overdue alert of the table', async () => member(), 60_000, 500);
      expect(firing.labels).toEqual({ alertname: 'repair-overdue', cluster: 'demo', keyspace: KS, table: 'brief' });
      expect(firing.detail).toMatch(
        new RegExp(
          `^${KS}\\.brief: never fully repaired by Ringside since it was created \\S+; gc_grace_seconds 1 \\(1 s\\) ran out`,
        ),
      );
      // The repaired table of the first test is not among them.
      expect(
        listIncidents(getStore(), { clusterId: 'demo', state: 'firing', limit: 50 })
          .flatMap((i) => i.members)
          .some((m) => m.labels.keyspace === KS && m.labels.table === 't'),
      ).toBe(false);
      // A schema change is read again at the monitor's next coverage check (every minute); the test
      // asks for that check at once rather than wait: 10 days of grace from its creation.
      await client.execute(`ALTER TABLE ${KS}.brief WITH gc_grace_seconds = 864000`);
      await waitFor(
        'the alert to clear',
        async () => {
          await monitor.refreshCoverage();
          return member() ? undefined : true;
        },
        60_000,
        1000,
      );
    } finally {
      monitor.stop();
      await caller.alerts.deleteRule({ id: 'repair-overdue' });
    }
  }, 300_000);
});
