/**
 * Repair schedules through the router, as an operator and a viewer use them: created (checked as a
 * run by hand would be), listed, changed, paused, resumed, deleted, each change in the audit log;
 * bad input refused with the field named. The cluster is not reachable here, so the keyspace check
 * (previewRepair, which reads the cluster) is replaced by one that knows two keyspaces.
 */
import type { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZodError } from 'zod';
import { sessionHeaders } from '@/testing/test-session';
import { trpcErrorOf, useTemporaryConfig } from '@/testing/unit-config';
import { listAudit } from '../audit/audit-log';
import type * as RepairService from '../repair/repair-service';
import { DAY_MS } from '../repair/schedule-time';
import { createContext } from '../trpc';
import { createCaller } from './_app';

vi.mock('../repair/repair-service', async (importOriginal) => {
  const original = await importOriginal<typeof RepairService>();
  const { repairSettingsSchema } = await import('../repair/repair-plan');
  return {
    ...original,
    previewRepair: async (clusterId: string, input: unknown) => {
      const settings = repairSettingsSchema.parse(input);
      if (!['shop', 'billing'].includes(settings.keyspace))
        throw new original.RepairInputError(`no keyspace "${settings.keyspace}" in cluster ${clusterId}`);
      return { settings, segments: [], options: {}, replicationFactors: {}, dcOf: {} };
    },
  };
});

beforeAll(() => {
  useTemporaryConfig({
    clusters: [
      { id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } },
      { id: 'staging', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } },
    ],
  });
});

const callerFor = async (grants: Parameters<typeof sessionHeaders>[0], name: string) =>
  createCaller(createContext({ headers: await sessionHeaders(grants, name) }));

/** The input fields a refusal names (what the client is shown, through the error formatter). */
const fieldsOf = (error: TRPCError) => (error.cause as ZodError).issues.map((i) => i.path.join('.'));

/** The next whole hour, a day from now: a first start in the future. */
const firstStart = () => Math.ceil((Date.now() + DAY_MS) / 3600_000) * 3600_000;

describe('repair schedules through the router', () => {
  it('creates a schedule an operator asked for, lists it for a viewer, and audits the change', async () => {
    const op = await callerFor([{ cluster: 'prod', role: 'operator' }], 'sched-op');
    const viewer = await callerFor([{ cluster: 'prod', role: 'viewer' }], 'sched-viewer');
    const first = firstStart();
    const made = await op.repair.createSchedule({
      clusterId: 'prod',
      settings: { keyspace: 'shop', tables: ['orders'], intensity: 0.5 },
      intervalDays: 7,
      firstStartAt: first,
    });
    expect(made).toMatchObject({
      clusterId: 'prod',
      keyspace: 'shop',
      intervalDays: 7,
      firstStartAt: first,
      enabled: true,
      nextDueAt: first,
      createdBy: 'sched-op.operator-prod@ringside.test',
      lastRunId: null,
      lastRunState: null,
    });
    // The settings a run gets, defaults filled in.
    expect(made.settings).toMatchObject({ keyspace: 'shop', tables: ['orders'], intensity: 0.5, incremental: false });
    const listed = await viewer.repair.schedules({ clusterId: 'prod' });
    expect(listed.map((s) => s.id)).toEqual([made.id]);
    expect(await viewer.repair.schedules({ clusterId: 'staging' }).catch((e: Error) => e.message)).toMatch(/staging/);
    const [audited] = listAudit({ action: 'repair.createSchedule', limit: 5 });
    expect(audited).toMatchObject({
      outcome: 'ok',
      cluster: 'prod',
      userEmail: 'sched-op.operator-prod@ringside.test',
    });
    expect(audited!.params).toContain('"intervalDays":7');
    expect((await trpcErrorOf(viewer.repair.deleteSchedule({ clusterId: 'prod', id: made.id }))).code).toBe(
      'FORBIDDEN',
    );
    await op.repair.deleteSchedule({ clusterId: 'prod', id: made.id });
  });

  it('a first start in the past runs from its next occurrence, not at once', async () => {
    const op = await callerFor([{ cluster: 'prod', role: 'operator' }], 'sched-past');
    const first = Date.now() - 10 * DAY_MS - 3600_000;
    const made = await op.repair.createSchedule({
      clusterId: 'prod',
      settings: { keyspace: 'billing' },
      intervalDays: 3,
      firstStartAt: first,
    });
    // Occurrences at first + 3k days: the next one after now is 12 days from the first.
    expect(made.nextDueAt).toBe(first + 12 * DAY_MS);
    await op.repair.deleteSchedule({ clusterId: 'prod', id: made.id });
  });

  it('refuses bad input with the field named, an unknown keyspace, and a second schedule of a keyspace', async () => {
    const op = await callerFor([{ cluster: '*', role: 'operator' }], 'sched-bad');
    const base = { clusterId: 'prod', settings: { keyspace: 'shop' }, intervalDays: 1, firstStartAt: firstStart() };
    const zero = await trpcErrorOf(op.repair.createSchedule({ ...base, intervalDays: 0 }));
    expect(zero.code).toBe('BAD_REQUEST');
    expect(fieldsOf(zero)).toEqual(['intervalDays']);
    expect(fieldsOf(await trpcErrorOf(op.repair.createSchedule({ ...base, intervalDays: 1.5 })))).toEqual([
      'intervalDays',
    ]);
    expect(
      fieldsOf(await trpcErrorOf(op.repair.createSchedule({ ...base, firstStartAt: Date.UTC(1990, 0, 1) }))),
    ).toEqual(['firstStartAt']);
    const badName = await trpcErrorOf(op.repair.createSchedule({ ...base, settings: { keyspace: 'shop; DROP' } }));
    expect(fieldsOf(badName)).toEqual(['settings.keyspace']);
    const badSetting = await trpcErrorOf(
      op.repair.createSchedule({ ...base, settings: { keyspace: 'shop', maxAttempts: 99 } }),
    );
    expect(fieldsOf(badSetting)).toEqual(['settings.maxAttempts']);
    const unknown = await trpcErrorOf(op.repair.createSchedule({ ...base, settings: { keyspace: 'nope' } }));
    expect(unknown).toMatchObject({ code: 'BAD_REQUEST', message: 'no keyspace "nope" in cluster prod' });

    const made = await op.repair.createSchedule(base);
    const second = await trpcErrorOf(op.repair.createSchedule({ ...base, intervalDays: 2 }));
    expect(second.code).toBe('BAD_REQUEST');
    expect(second.message).toBe(`schedule ${made.id} already repairs shop every 1 day(s): change that one instead`);
    // The same keyspace of another cluster is another schedule.
    const staging = await op.repair.createSchedule({ ...base, clusterId: 'staging' });
    expect(staging.clusterId).toBe('staging');
    // A schedule is found on its own cluster only.
    const elsewhere = await trpcErrorOf(op.repair.pauseSchedule({ clusterId: 'prod', id: staging.id }));
    expect(elsewhere).toMatchObject({ code: 'NOT_FOUND', message: `no repair schedule ${staging.id} on cluster prod` });
    expect((await trpcErrorOf(op.repair.pauseSchedule({ clusterId: 'prod', id: 'not-a-uuid' }))).code).toBe(
      'BAD_REQUEST',
    );
    await op.repair.deleteSchedule({ clusterId: 'prod', id: made.id });
    await op.repair.deleteSchedule({ clusterId: 'staging', id: staging.id });
  });

  it('changes, pauses, resumes and deletes a schedule', async () => {
    const op = await callerFor([{ cluster: 'prod', role: 'operator' }], 'sched-change');
    const first = firstStart();
    const made = await op.repair.createSchedule({
      clusterId: 'prod',
      settings: { keyspace: 'shop' },
      intervalDays: 7,
      firstStartAt: first,
    });
    const changed = await op.repair.updateSchedule({
      clusterId: 'prod',
      id: made.id,
      change: { intervalDays: 2, firstStartAt: first + 3600_000, settings: { keyspace: 'shop', incremental: true } },
    });
    expect(changed).toMatchObject({
      intervalDays: 2,
      nextDueAt: first + 3600_000,
      settings: { incremental: true },
      updatedBy: 'sched-change.operator-prod@ringside.test',
    });
    const moved = await trpcErrorOf(
      op.repair.updateSchedule({ clusterId: 'prod', id: made.id, change: { settings: { keyspace: 'nope' } } }),
    );
    expect(moved.message).toBe('no keyspace "nope" in cluster prod');

    expect((await op.repair.pauseSchedule({ clusterId: 'prod', id: made.id })).enabled).toBe(false);
    expect((await trpcErrorOf(op.repair.pauseSchedule({ clusterId: 'prod', id: made.id }))).message).toBe(
      `schedule ${made.id} is already paused`,
    );
    const resumed = await op.repair.resumeSchedule({ clusterId: 'prod', id: made.id });
    expect(resumed).toMatchObject({ enabled: true, nextDueAt: first + 3600_000, nextCheckAt: first + 3600_000 });
    expect((await trpcErrorOf(op.repair.resumeSchedule({ clusterId: 'prod', id: made.id }))).message).toBe(
      `schedule ${made.id} is not paused`,
    );

    expect(await op.repair.deleteSchedule({ clusterId: 'prod', id: made.id })).toMatchObject({ deleted: true });
    expect((await trpcErrorOf(op.repair.deleteSchedule({ clusterId: 'prod', id: made.id }))).code).toBe('NOT_FOUND');
    // Newest first: the second pause refused, the first one done.
    expect(listAudit({ action: 'repair.pauseSchedule', limit: 2 }).map((e) => e.outcome)).toEqual(['failed', 'ok']);
  });
});
