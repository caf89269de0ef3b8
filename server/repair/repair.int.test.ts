/**
 * Segmented repair against the real demo cluster: a keyspace with dc1: 2, dc2: 1 repaired in token
 * sub-range segments through repairAsync, progress advancing, never two segments at once on a shared
 * replica, each coordinator's system_views.repairs confirming its sessions; pause stops new segments
 * and resume finishes; a replica killed mid-run holds its segments back with the reason shown until
 * it is back. Refusals: RF 1 in a DC, a second run over the same keyspace. Node 3 is restored
 * however a test ends.
 */
import { TRPCError } from '@trpc/server';
import cassandra from 'cassandra-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runClusterAsync, waitFor } from '@/localcluster/harness';
import { testCaller } from '@/testing/test-caller';
import { closeAll } from '../cluster/registry';
import { repairRows } from '../cluster/repair-calls';

const KS = 'ringside_it_repair';
const caller = await testCaller();
const client = new cassandra.Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });
let node3Killed = false;
async function restoreNode3() {
  if (!node3Killed) return;
  await runClusterAsync(['start', '3']);
  node3Killed = false;
}

beforeAll(async () => {
  // A run an earlier, interrupted test run left active would refuse this one's as overlapping.
  for (const job of await caller.operations.list({
    clusterId: 'demo',
    kinds: ['repair'],
    states: ['running', 'paused', 'queued'],
  }))
    await caller.operations.cancel({ clusterId: 'demo', id: job.id });
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}_rf1`);
  await client.execute(
    `CREATE KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
  );
  await client.execute(`CREATE KEYSPACE ${KS}_rf1 WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}`);
  await client.execute(`CREATE TABLE ${KS}.t (k int PRIMARY KEY, v text)`);
  await cassandra.concurrent.executeConcurrent(
    client,
    `INSERT INTO ${KS}.t (k, v) VALUES (?, ?)`,
    Array.from({ length: 2000 }, (_, i) => [i, `value ${i}`]),
    { concurrencyLevel: 32 },
  );
}, 120_000);
afterEach(restoreNode3);
afterAll(async () => {
  await restoreNode3();
  await client.shutdown();
  await closeAll();
});

type RunJob = Awaited<ReturnType<typeof caller.operations.get>>;
const get = (id: string) => caller.operations.get({ clusterId: 'demo', id });
const done = (job: RunJob) => job.steps.filter((s) => s.state === 'succeeded').length;

/** Never two running segments with a shared replica: sampled while the run goes. */
function checkNoSharedReplica(job: RunJob, segments: { seq: number; replicas: string[] }[]) {
  const running = job.steps.filter((s) => s.state === 'running').map((s) => segments[s.seq]!.replicas);
  const seen = new Set<string>();
  for (const replicas of running)
    for (const r of replicas) {
      expect(seen.has(r), `replica ${r} in two running segments`).toBe(false);
      seen.add(r);
    }
}

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('segmented repair', () => {
  it('refuses a keyspace with RF 1 in its one DC, and an unknown keyspace, running nothing', async () => {
    const rf1 = await refusal(
      caller.operations.repairStart({ clusterId: 'demo', settings: { keyspace: `${KS}_rf1` } }),
    );
    expect(rf1.code).toBe('BAD_REQUEST');
    expect(rf1.message).toMatch(/but dc1 has RF 1 and no other data centre holds a copy: nothing to compare/);
    const unknown = await refusal(caller.operations.repairStart({ clusterId: 'demo', settings: { keyspace: 'nope' } }));
    expect(unknown.message).toBe('no keyspace "nope" in cluster demo');
  });

  it('repairs every segment, progress advancing, one segment per replica at a time; pause holds, resume finishes; system_views.repairs agrees', async () => {
    // Every range of this keyspace lies on all three nodes: by default (4 per node) 12 segments of 4 ranges.
    const grouped = await caller.operations.repairPreview({ clusterId: 'demo', settings: { keyspace: KS } });
    expect(grouped.segments.map((s) => s.ranges.length)).toEqual(Array(12).fill(4));
    expect(grouped.options.ranges!.split(',')).toHaveLength(4);
    // 16 per node: one segment per vnode range (3 nodes × 16 tokens), enough to pause in the middle.
    const preview = await caller.operations.repairPreview({
      clusterId: 'demo',
      settings: { keyspace: KS, segmentsPerNode: 16 },
    });
    expect(preview.segments.length).toBe(48);
    expect(preview.options).toMatchObject({ parallelism: 'parallel', incremental: 'false', repairPaxos: 'true' });
    expect(preview.replicationFactors).toEqual({ dc1: 2, dc2: 1 });

    const startedAt = Date.now();
    const { id, segments } = await caller.operations.repairStart({
      clusterId: 'demo',
      settings: { keyspace: KS, maxParallel: 2, segmentsPerNode: 16 },
    });
    expect(segments).toBe(48);
    const second = await refusal(caller.operations.repairStart({ clusterId: 'demo', settings: { keyspace: KS } }));
    expect(second.message).toMatch(new RegExp(`^repair run ${id} \\(running\\) already covers ${KS}'s ranges`));

    let last = 0;
    const advancing: number[] = [];
    const some = await waitFor(
      'three segments repaired',
      async () => {
        const job = await get(id);
        checkNoSharedReplica(job, preview.segments);
        if (done(job) > last) advancing.push((last = done(job)));
        return done(job) >= 3 ? job : undefined;
      },
      120_000,
      300,
    );
    expect(some.state).toBe('running');
    expect(advancing.length).toBeGreaterThanOrEqual(2);

    await caller.operations.pause({ clusterId: 'demo', id });
    const paused = await waitFor(
      'the run paused',
      async () => ((await get(id)).state === 'paused' ? get(id) : undefined),
      60_000,
      500,
    );
    const atPause = done(paused);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(done(await get(id))).toBe(atPause);
    expect((await get(id)).steps.some((s) => s.state === 'running')).toBe(false);

    await caller.operations.resume({ clusterId: 'demo', id });
    const finished = await waitFor(
      'the run to finish',
      async () => {
        const job = await get(id);
        checkNoSharedReplica(job, preview.segments);
        return ['succeeded', 'failed'].includes(job.state) ? job : undefined;
      },
      400_000,
      500,
    );
    expect(finished.message).toBe('all 48 segments repaired');
    expect(finished.state).toBe('succeeded');
    const took = Date.now() - startedAt;

    // Each segment's command, as the run recorded it, is a successful repair in its coordinator's own table.
    const rows = await repairRows('demo', KS);
    const commands = finished.steps.map((s) => {
      const [, command, node] = /\(command (\d+) on (\S+)\)$/.exec(s.message ?? '') ?? [];
      return { node: node!, command: Number(command) };
    });
    for (const { node, command } of commands)
      expect(
        rows.find((r) => r.node === node && r.commandId === command)?.status,
        `command ${command} in ${node}'s system_views.repairs`,
      ).toBe('success');
    const perNode = [...new Set(commands.map((c) => c.node))].map(
      (node) => `${node}: ${commands.filter((c) => c.node === node).length}`,
    );
    expect(perNode).toHaveLength(3);
    console.log(
      `repair: 48 segments in ${Math.round(took / 1000)} s (paused at ${atPause}); each command a success in its coordinator's system_views.repairs (${perNode.join(', ')})`,
    );
  }, 600_000);

  it('holds back the segments of a killed replica, saying which and why, and completes once it is back', async () => {
    // Attempts to spare: a segment running when node 3 dies fails, and a just-restarted node can refuse once more.
    const { id } = await caller.operations.repairStart({
      clusterId: 'demo',
      settings: { keyspace: KS, maxParallel: 2, maxAttempts: 6, segmentsPerNode: 16 },
    });
    try {
      await waitFor('a segment repaired', async () => (done(await get(id)) >= 1 ? true : undefined), 120_000, 300);
      await runClusterAsync(['kill', '3']);
      node3Killed = true;
      const held = await waitFor(
        'a segment waiting on 127.0.0.3',
        async () => (await get(id)).steps.find((s) => s.message?.startsWith('waiting: replica 127.0.0.3 is Down')),
        60_000,
        500,
      );
      console.log(`held back: ${held.message}`);
      await runClusterAsync(['start', '3']);
      node3Killed = false;
      const finished = await waitFor(
        'the run to finish',
        async () => {
          const job = await get(id);
          return ['succeeded', 'failed'].includes(job.state) ? job : undefined;
        },
        500_000,
        1000,
      );
      expect(finished.state).toBe('succeeded');
    } finally {
      const job = await get(id);
      if (['running', 'paused', 'queued'].includes(job.state))
        await caller.operations.cancel({ clusterId: 'demo', id });
    }
  }, 800_000);
});
