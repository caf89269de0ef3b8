/**
 * The repair run against a real SQLite store, Cassandra replaced at its edge: segments complete one
 * per replica at a time, a failing segment is retried then failed with its reason, a down replica's
 * segments wait saying so, and a run a dead console left running carries on by itself.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@/localcluster/harness';
import { useTemporaryConfig } from '@/testing/unit-config';
import { getStore } from '../store';
import { getJob, getJobWithLog, insertJob, updateJob, updateStep } from '../jobs/job-store';
import type { Job } from '../jobs/job-types';
import { describeRanges, planSegments, repairSettingsSchema } from './repair-plan';

const fake = vi.hoisted(() => ({
  next: 1,
  commands: new Map<number, { node: string; ranges: string; polls: number; paxos?: string }>(),
  failRanges: new Set<string>(),
  down: new Set<string>(),
  /** Nodes whose system_views.repairs cannot be read (Cassandra 4.0 has none). */
  blind: {} as Record<string, string>,
  /** Each node's release_version as the poller reads it (5.0.9 when absent). */
  releases: {} as Record<string, string>,
}));
vi.mock('../cluster/repair-calls', () => ({
  repairAsync: async (_c: unknown, node: string, _ks: string, options: Record<string, string>) => {
    const command = fake.next++;
    fake.commands.set(command, { node, ranges: options.ranges!, polls: 0, paxos: options.repairPaxos });
    return command;
  },
  parentRepairStatus: async (_c: unknown, _node: string, command: number) => {
    const c = fake.commands.get(command)!;
    c.polls++;
    if (c.polls < 2) return { state: 'IN_PROGRESS', messages: [] };
    return fake.failRanges.has(c.ranges)
      ? { state: 'FAILED', messages: [`Repair command #${command} failed with error Got negative replies`] }
      : { state: 'COMPLETED', messages: [] };
  },
  pendingCompactions: async () => ({}),
  runningRepairs: async () => ({ repairs: [], unreadable: fake.blind }),
}));
vi.mock('../nodes/live', () => ({
  clusterPoller: () => ({
    fresh: async () => ({
      value: {
        nodes: ['n1', 'n2', 'n3', 'n4'].map((address) => ({
          address,
          status: fake.down.has(address) ? 'Down' : 'Up',
          downReason: fake.down.has(address) ? 'not-listening' : null,
          releaseVersion: fake.releases[address] ?? '5.0.9',
        })),
      },
    }),
  }),
}));

const { jobRunner } = await import('../jobs/job-runner');

beforeAll(() => {
  useTemporaryConfig({
    clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } }],
  });
});
beforeEach(() => {
  fake.failRanges.clear();
  fake.down.clear();
  fake.blind = {};
  fake.releases = {};
});

let counter = 0;
function newRun(maxAttempts = 2): string {
  const id = `00000000-0000-4000-9000-${String(++counter).padStart(12, '0')}`;
  const settings = repairSettingsSchema.parse({ keyspace: 'ks', maxParallel: 4, maxAttempts });
  const segments = planSegments(
    [
      { start: '0', end: '10', replicas: ['n1', 'n2'] },
      { start: '10', end: '20', replicas: ['n2', 'n3'] },
      { start: '20', end: '30', replicas: ['n3', 'n4'] },
      { start: '30', end: '40', replicas: ['n4', 'n1'] },
    ],
    1,
    4,
  );
  insertJob(getStore(), {
    id,
    clusterId: 'prod',
    kind: 'repair',
    target: { scope: 'cluster', keyspace: 'ks', tables: [] },
    params: { settings, segments },
    rolling: null,
    requestedBy: 'op@example.com',
    createdAt: Date.now(),
    steps: segments.map((s) => ({
      seq: s.seq,
      node: s.coordinator,
      dc: 'dc1',
      rack: describeRanges(s.ranges),
      state: 'pending',
      startedAt: null,
      endedAt: null,
      message: null,
      progress: null,
    })),
  });
  return id;
}

async function watch(id: string, until: (job: Job) => boolean): Promise<Job> {
  return waitFor(
    `run ${id}`,
    async () => {
      const job = getJob(getStore(), id)!;
      return until(job) && !jobRunner().isRunning(id) ? job : undefined;
    },
    30_000,
    50,
  );
}

describe('repair run', () => {
  it('repairs every segment, never two at once on a shared replica', async () => {
    const id = newRun();
    jobRunner().launch(id, 'started');
    let maxRunning = 0;
    const done = await waitFor(
      'the run to end',
      async () => {
        const job = getJob(getStore(), id)!;
        const running = job.steps.filter((s) => s.state === 'running').map((s) => s.seq);
        maxRunning = Math.max(maxRunning, running.length);
        // Segments 0 and 1 share n2, 1 and 2 share n3, 2 and 3 n4, 3 and 0 n1.
        for (const seq of running) expect(running.includes((seq + 1) % 4)).toBe(false);
        return job.state === 'succeeded' && !jobRunner().isRunning(id) ? job : undefined;
      },
      30_000,
      50,
    );
    expect(done.message).toBe('all 4 segments repaired');
    expect(maxRunning).toBe(2);
  }, 60_000);

  it('retries a failing segment, then fails the run naming it and why', async () => {
    fake.failRanges.add('10:20');
    const id = newRun(2);
    jobRunner().launch(id, 'started');
    const failed = await watch(id, (j) => j.state === 'failed');
    expect(failed.message).toMatch(
      /^1 of 4 segment\(s\) failed: #1 attempt 2 failed: Repair command #\d+ failed with error Got negative replies$/,
    );
    expect(failed.steps.map((s) => s.state)).toEqual(['succeeded', 'failed', 'succeeded', 'succeeded']);
  }, 60_000);

  it('holds a down replica’s segments with the reason, and finishes once it is back', async () => {
    fake.down.add('n3');
    const id = newRun();
    jobRunner().launch(id, 'started');
    const held = await waitFor(
      'segments held on n3',
      async () => {
        const job = getJob(getStore(), id)!;
        return job.steps.filter((s) => s.message === 'waiting: replica n3 is Down (not-listening)').length === 2 &&
          job.steps.filter((s) => s.state === 'succeeded').length === 2
          ? job
          : undefined;
      },
      30_000,
      50,
    );
    expect(held.state).toBe('running');
    fake.down.clear();
    expect((await watch(id, (j) => j.state === 'succeeded')).message).toBe('all 4 segments repaired');
  }, 60_000);

  it('says once in its log which node it cannot ask about other repairs, and goes on', async () => {
    fake.blind = { n2: 'system_views.repairs needs Cassandra 4.1 or newer; n2 runs 4.0.19' };
    const id = newRun();
    jobRunner().launch(id, 'started');
    expect((await watch(id, (j) => j.state === 'succeeded')).message).toBe('all 4 segments repaired');
    const lines = getJobWithLog(getStore(), id)!.log.filter((l) => l.line.startsWith('cannot tell'));
    expect(lines.map((l) => l.line)).toEqual([
      'cannot tell whether n2 runs repairs this run did not start (system_views.repairs needs Cassandra 4.1 or newer; n2 runs 4.0.19); segments are not held back for them',
    ]);
  }, 60_000);

  it('sends a 4.0 coordinator no Paxos repair keys and says so once in its log (mixed versions)', async () => {
    // n3 coordinates segments 1 and 2.
    fake.releases = { n3: '4.0.19' };
    const before = fake.next;
    const id = newRun();
    jobRunner().launch(id, 'started');
    expect((await watch(id, (j) => j.state === 'succeeded')).message).toBe('all 4 segments repaired');
    const sent = [...fake.commands.entries()].filter(([command]) => command >= before).map(([, c]) => c);
    expect(sent.filter((c) => c.node === 'n3').map((c) => c.paxos)).toEqual([undefined, undefined]);
    expect(sent.filter((c) => c.node !== 'n3').every((c) => c.paxos === 'true')).toBe(true);
    const lines = getJobWithLog(getStore(), id)!.log.filter((l) => l.line.startsWith('no Paxos repair'));
    expect(lines.map((l) => l.line)).toEqual([
      'no Paxos repair on segments n3 coordinates: Paxos repair (repairPaxos) needs Cassandra 4.1 or newer; n3 runs 4.0.19',
    ]);
  }, 60_000);

  it('carries on by itself after a dead console left it running, from its finished segments', async () => {
    const id = newRun();
    updateJob(getStore(), id, { state: 'running', owner: 'gone-host:1:x', startedAt: Date.now() });
    updateStep(getStore(), id, 0, { state: 'succeeded', message: 'repaired before the crash' });
    updateStep(getStore(), id, 2, { state: 'running' });
    const before = fake.next;
    expect(jobRunner().recover()).toBe(1);
    const done = await watch(id, (j) => j.state === 'succeeded');
    expect(done.steps[0]!.message).toBe('repaired before the crash');
    expect(fake.next - before).toBe(3); // segments 1, 2 (again) and 3
  }, 60_000);
});
