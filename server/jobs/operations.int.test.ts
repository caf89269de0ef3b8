/**
 * Node operations as jobs against the real demo cluster, each cross-checked with nodetool: a flush and
 * a major compaction of our own keyspace (dc1: 2, dc2: 1); refusals that run nothing; a rolling flush
 * of the cluster that stops at node 2 when it is killed and finishes once it is back; a console
 * killed mid-job and started again marks the job interrupted. Node 2 is restored however a test ends.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import cassandra from 'cassandra-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nodetool, runClusterAsync, waitFor } from '@/localcluster/harness';
import { startConsoleCore } from '@/testing/console-process';
import { TEST_CONFIG, testCaller } from '@/testing/test-caller';
import { agentConcurrencyProblem } from '../cluster/agent-concurrency';
import { clusterConfig, closeAll } from '../cluster/registry';
import { clusterPoller } from '../nodes/live';
import { openStore } from '../store/database';
import { getJobWithLog } from './job-store';
import type { Job } from './job-types';

const KS = 'ringside_it_ops';
const caller = await testCaller();
const client = new cassandra.Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });

let node2Killed = false;
async function restoreNode2() {
  if (!node2Killed) return;
  await runClusterAsync(['start', '2']);
  node2Killed = false;
}

beforeAll(async () => {
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await client.execute(
    `CREATE KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
  );
  // Automatic compaction off, so the SSTables the flushes make stay until the major compaction.
  await client.execute(
    `CREATE TABLE ${KS}.t (k int, c int, v text, PRIMARY KEY (k, c)) WITH compaction = {'class': 'SizeTieredCompactionStrategy', 'enabled': 'false'}`,
  );
}, 120_000);
afterEach(restoreNode2);
afterAll(async () => {
  await restoreNode2();
  await client.shutdown();
  await closeAll();
});

async function write(round: number, rows = 200) {
  await cassandra.concurrent.executeConcurrent(
    client,
    `INSERT INTO ${KS}.t (k, c, v) VALUES (?, ?, ?)`,
    Array.from({ length: rows }, (_, i) => [i % 20, round * rows + i, `round ${round} row ${i}`]),
    { concurrencyLevel: 32 },
  );
}

/** nodetool tablestats figures of our table on one node. */
function tablestats(node: number): { sstables: number; memtableCells: number } {
  const out = nodetool(node, ['tablestats', `${KS}.t`]);
  const figure = (label: string) => Number(new RegExp(`${label}: (\\d+)`).exec(out)?.[1] ?? NaN);
  return { sstables: figure('SSTable count'), memtableCells: figure('Memtable cell count') };
}

const finished = (id: string, timeoutMs = 120_000) =>
  waitFor(
    `job ${id} to finish`,
    async () => {
      const job = await caller.operations.get({ clusterId: 'demo', id });
      return ['succeeded', 'failed', 'cancelled', 'interrupted'].includes(job.state) ? job : undefined;
    },
    timeoutMs,
    500,
  );

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const onNode = (node: string, keyspace = KS, tables: string[] = ['t']) => ({
  scope: 'node' as const,
  node,
  keyspace,
  tables,
});

describe('node operations as jobs', () => {
  it('every local agent answers reads while a request is held open (executor=fixed)', async () => {
    for (const node of ['127.0.0.1', '127.0.0.2', '127.0.0.3'])
      expect(await agentConcurrencyProblem(clusterConfig('demo'), node)).toBeNull();
  });

  it('flushes a table on node 1: its memtable empties into a new SSTable (nodetool tablestats)', async () => {
    await write(0);
    const before = tablestats(1);
    expect(before.memtableCells).toBeGreaterThan(0);
    const { id } = await caller.operations.start({ clusterId: 'demo', kind: 'flush', target: onNode('127.0.0.1') });
    const job = await finished(id);
    expect(job.state).toBe('succeeded');
    expect(job.requestedBy).toBeTruthy();
    expect(job.steps).toMatchObject([{ node: '127.0.0.1', state: 'succeeded', message: 'flush: done' }]);
    const after = tablestats(1);
    expect(after.memtableCells).toBe(0);
    expect(after.sstables).toBe(before.sstables + 1);
    console.log(`flush: memtable cells ${before.memtableCells} → 0, SSTables ${before.sstables} → ${after.sstables}`);
  });

  it('compacts the keyspace on node 1 into one SSTable, recorded in nodetool compactionhistory', async () => {
    for (let round = 1; round <= 4; round++) {
      await write(round);
      const { id } = await caller.operations.start({ clusterId: 'demo', kind: 'flush', target: onNode('127.0.0.1') });
      expect((await finished(id)).state).toBe('succeeded');
    }
    const before = tablestats(1);
    expect(before.sstables).toBeGreaterThanOrEqual(5);
    const startedAt = Date.now();
    const { id } = await caller.operations.start({
      clusterId: 'demo',
      kind: 'compact',
      target: onNode('127.0.0.1', KS, []),
    });
    const job = await finished(id);
    expect(job.state).toBe('succeeded');
    expect(tablestats(1).sstables).toBe(1);
    const history = nodetool(1, ['compactionhistory']);
    const ours = history.split('\n').filter((line) => line.includes(KS) && /\bt\b/.test(line));
    expect(ours.length).toBeGreaterThan(0);
    console.log(
      `compaction: SSTables ${before.sstables} → 1 in ${Date.now() - startedAt} ms; history: ${ours[0]?.trim()}`,
    );
  });

  it('refuses bad input with a clear message and runs nothing', async () => {
    const count = async () => (await caller.operations.list({ clusterId: 'demo' })).length;
    const jobs = await count();
    const noKs = await refusal(
      caller.operations.start({ clusterId: 'demo', kind: 'flush', target: onNode('127.0.0.1', 'no_such_ks', []) }),
    );
    expect(noKs.code).toBe('BAD_REQUEST');
    expect(noKs.message).toBe('no keyspace "no_such_ks" in cluster demo');
    const noTable = await refusal(
      caller.operations.start({ clusterId: 'demo', kind: 'compact', target: onNode('127.0.0.1', KS, ['nope']) }),
    );
    expect(noTable.message).toBe(`no table ${KS}.nope (tables of ${KS}: t)`);
    const noNode = await refusal(
      caller.operations.start({ clusterId: 'demo', kind: 'flush', target: onNode('127.0.0.9') }),
    );
    expect(noNode.message).toMatch(/^no node 127\.0\.0\.9 in this cluster/);
    expect(await count()).toBe(jobs);

    // A second rolling job over the same nodes, while the first waits out its settle delay.
    const first = await caller.operations.start({
      clusterId: 'demo',
      kind: 'flush',
      target: { scope: 'cluster', keyspace: KS, tables: [] },
      rolling: { byRack: false, settleMs: 60_000 },
    });
    try {
      const second = await refusal(
        caller.operations.start({
          clusterId: 'demo',
          kind: 'flush',
          target: { scope: 'dc', dc: 'dc2', keyspace: KS, tables: [] },
          rolling: { byRack: false, settleMs: 0 },
        }),
      );
      expect(second.message).toMatch(
        new RegExp(
          `^job ${first.id} \\(rolling flush of ${KS} on cluster demo, (running|queued)\\) already holds node 127\\.0\\.0\\.3`,
        ),
      );
    } finally {
      await caller.operations.cancel({ clusterId: 'demo', id: first.id });
    }
    expect((await finished(first.id)).state).toBe('cancelled');
  });

  it('a rolling flush stops at node 2 when it is killed, naming it, and finishes after start 2 and resume', async () => {
    await write(10);
    const { id } = await caller.operations.start({
      clusterId: 'demo',
      kind: 'flush',
      target: { scope: 'cluster', keyspace: KS, tables: [] },
      rolling: { byRack: false, settleMs: 10_000 },
    });
    await waitFor(
      'node 1 flushed',
      async () => {
        const job = await caller.operations.get({ clusterId: 'demo', id });
        return job.steps[0]?.state === 'succeeded' ? job : undefined;
      },
      60_000,
      200,
    );
    await runClusterAsync(['kill', '2']);
    node2Killed = true;
    const stopped = await finished(id, 60_000);
    expect(stopped.state).toBe('failed');
    expect(stopped.message).toMatch(/^stopped at node 127\.0\.0\.2: node 127\.0\.0\.2 is Down/);
    expect(stopped.steps.map((s: Job['steps'][number]) => [s.node, s.state])).toEqual([
      ['127.0.0.1', 'succeeded'],
      ['127.0.0.2', 'failed'],
      ['127.0.0.3', 'skipped'],
    ]);
    expect(stopped.steps[2]!.startedAt).toBeNull();
    console.log(`rolling flush stopped: ${stopped.message}`);

    await runClusterAsync(['start', '2']);
    node2Killed = false;
    await waitFor(
      'every node Up and Normal in the console',
      async () => {
        const nodes = (await clusterPoller('demo').refresh()).value.nodes;
        return nodes.length === 3 && nodes.every((n) => n.status === 'Up' && n.state === 'Normal') ? true : undefined;
      },
      120_000,
      1000,
    );
    const resumed = await caller.operations.resume({ clusterId: 'demo', id });
    expect(resumed.message).toBe('resumed from node 127.0.0.2');
    const done = await finished(id, 120_000);
    expect(done.state).toBe('succeeded');
    expect(done.steps.map((s: Job['steps'][number]) => s.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const log = done.log.map((l: { line: string }) => l.line);
    expect(log).toContain('127.0.0.2: flush: done');
    expect(log.some((line: string) => line.startsWith('resumed by '))).toBe(true);
  }, 400_000);

  // Node 2 has just been restarted by the test above, so it runs the access policy with every operation in it.
  it('takes, lists and clears a snapshot, and cleans up, on node 2 (nodetool listsnapshots agrees)', async () => {
    const tag = `it-${Date.now()}`;
    const take = await caller.operations.start({
      clusterId: 'demo',
      kind: 'snapshot',
      target: onNode('127.0.0.2', KS, []),
      params: { tag, ttlSeconds: 3600 },
    });
    expect((await finished(take.id)).state).toBe('succeeded');
    const listed = (await caller.operations.snapshots({ clusterId: 'demo', node: '127.0.0.2' })).snapshots;
    expect(listed.filter((s) => s.tag === tag).map((s) => `${s.node} ${s.keyspace}.${s.table}`)).toEqual([
      `127.0.0.2 ${KS}.t`,
    ]);
    expect(listed.find((s) => s.tag === tag)!.expiresAt).not.toBeNull();
    expect(nodetool(2, ['listsnapshots'])).toContain(tag);

    const clear = await caller.operations.start({
      clusterId: 'demo',
      kind: 'clearsnapshot',
      target: onNode('127.0.0.2', KS, []),
      params: { tag },
    });
    expect((await finished(clear.id)).state).toBe('succeeded');
    const after = await caller.operations.snapshots({ clusterId: 'demo', node: '127.0.0.2' });
    expect(after.snapshots.some((s) => s.tag === tag)).toBe(false);
    expect(nodetool(2, ['listsnapshots'])).not.toContain(tag);

    const cleanup = await caller.operations.start({ clusterId: 'demo', kind: 'cleanup', target: onNode('127.0.0.2') });
    const cleaned = await finished(cleanup.id);
    expect(cleaned.state).toBe('succeeded');
    expect(cleaned.steps[0]!.message).toBe('cleanup: successful');
    console.log(
      `snapshot ${tag}: listed with ${listed.find((s) => s.tag === tag)?.trueSizeBytes} bytes; cleanup: ${cleaned.steps[0]!.message}`,
    );
  });

  it('a console killed mid-job and started again marks the job interrupted, saying so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-jobs-it-'));
    const configFile = join(dir, 'config.json');
    const base = JSON.parse(readFileSync(TEST_CONFIG, 'utf8')) as { clusters: { id: string }[] };
    writeFileSync(
      configFile,
      JSON.stringify({ ...base, dataDir: dir, clusters: base.clusters.filter((c) => c.id === 'demo') }),
    );
    const starter = spawn(
      'npx',
      [
        'tsx',
        '--conditions=react-server',
        'testing/job-starter.ts',
        JSON.stringify({
          clusterId: 'demo',
          kind: 'flush',
          target: { scope: 'cluster', keyspace: KS, tables: [] },
          params: {},
          rolling: { byRack: false, settleMs: 120_000 },
          requestedBy: 'it@example.com',
        }),
      ],
      {
        env: { ...process.env, RINGSIDE_CONFIG: configFile, RINGSIDE_LOG_LEVEL: 'warn' },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    starter.stdout.on('data', (c: Buffer) => (output += c.toString()));
    starter.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise((resolve) => starter.once('exit', resolve));
    let restarted: ReturnType<typeof startConsoleCore> | undefined;
    try {
      const id = await waitFor('the job id', () => /job (\S+)/.exec(output)?.[1], 120_000, 200).catch((error) => {
        throw new Error(`${(error as Error).message}\n${output}`);
      });
      const store = openStore(dir);
      await waitFor(
        'node 1 flushed, settling before node 2',
        () => {
          const job = getJobWithLog(store, id);
          return job?.steps[0]?.state === 'succeeded' && job.state === 'running' ? job : undefined;
        },
        60_000,
        200,
      );
      process.kill(-starter.pid!, 'SIGKILL');
      await exited;
      // The console process itself (npx's grandchild) must be gone too, as after a real crash.
      const ownerPid = Number(getJobWithLog(store, id)!.owner?.split(':')[1]);
      const alive = () => {
        try {
          process.kill(ownerPid, 0);
          return true;
        } catch {
          return false;
        }
      };
      if (alive()) process.kill(ownerPid, 'SIGKILL');
      await waitFor('the console process gone', () => (alive() ? undefined : true), 10_000, 100);
      expect(getJobWithLog(store, id)!.state).toBe('running'); // as the dead process left it

      restarted = startConsoleCore(configFile, 'warn');
      const job = await waitFor(
        'the job marked interrupted',
        () => {
          const j = getJobWithLog(store, id);
          return j?.state === 'interrupted' ? j : undefined;
        },
        120_000,
        500,
      ).catch((error: unknown) => {
        const owner = getJobWithLog(store, id)?.owner ?? '';
        const pid = owner.split(':')[1] ?? '';
        const ps = spawnSync('ps', ['-o', 'pid,ppid,stat,cmd', '-p', pid], { encoding: 'utf8' }).stdout;
        throw new Error(
          `${(error as Error).message}\nowner ${owner}: ${ps}\nthe restarted console said:\n${restarted?.output()}`,
        );
      });
      expect(job.message).toBe(
        'interrupted: the console stopped while this job ran; resume it to go on from the node it stopped at',
      );
      expect(job.log.at(-1)!.line).toMatch(/^interrupted: the console process running this job \(.+\) stopped/);
      expect(job.steps.map((s) => s.state)).toEqual(['succeeded', 'pending', 'pending']);
      store.close();
    } finally {
      try {
        process.kill(-starter.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await restarted?.stop();
    }
  }, 300_000);
});
